import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { Context } from "@loadline/api";
import { env } from "@/env";
import { clientAddress } from "@loadline/auth/client-address";
import { getDb } from "./db";
import { currentActor } from "./session";
import { PAGE_VIEW_HEADER, pageViewIdFrom } from "@/trpc/page-view";

/**
 * One context per request: the database, the actor after the server-side session check (see
 * `currentActor`), the request's time, the client's address (for throttling) and the id a
 * generic error answer refers to (the server log line carries the same id).
 */
export async function createContext(requestId: string = randomUUID(), pageViewId?: string): Promise<Context> {
  const [db, actor, requestHeaders] = await Promise.all([getDb(), currentActor(), headers()]);
  return {
    db,
    actor,
    now: new Date(),
    requestId,
    clientAddress: clientAddress(requestHeaders, env.LOADLINE_TRUSTED_PROXY),
    // A server render names its own page view; a browser request names the one it belongs to.
    pageViewId: pageViewId ?? pageViewIdFrom(requestHeaders.get(PAGE_VIEW_HEADER)),
  };
}
