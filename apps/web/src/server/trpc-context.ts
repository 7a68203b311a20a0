import "server-only";
import { headers } from "next/headers";
import type { Context } from "@loadline/api";
import { env } from "@/env";
import { clientAddress } from "@loadline/auth/client-address";
import { getDb } from "./db";
import { currentActor } from "./session";

/**
 * One context per request: the database, the actor after the server-side session check (see
 * `currentActor`), the request's time and the client's address (for throttling).
 */
export async function createContext(): Promise<Context> {
  const [db, actor, requestHeaders] = await Promise.all([getDb(), currentActor(), headers()]);
  return { db, actor, now: new Date(), clientAddress: clientAddress(requestHeaders, env.LOADLINE_TRUSTED_PROXY) };
}
