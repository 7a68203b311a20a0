import "server-only";
import { randomUUID } from "node:crypto";
import type { Context } from "@loadline/api";
import { actorFromSession } from "@loadline/auth";
import { auth } from "@/auth";
import { getDb } from "./db";

/**
 * One context per request: the database, the signed-in actor, the request's time and the id
 * a generic error answer refers to (the server log line carries the same id).
 */
export async function createContext(requestId: string = randomUUID()): Promise<Context> {
  const [db, session] = await Promise.all([getDb(), auth()]);
  return { db, actor: actorFromSession(session), now: new Date(), requestId };
}
