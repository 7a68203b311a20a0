import "server-only";
import type { Context } from "@loadline/api";
import { actorFromSession } from "@loadline/auth";
import { auth } from "@/auth";
import { getDb } from "./db";

/** One context per request: the database, the signed-in actor and the request's time. */
export async function createContext(): Promise<Context> {
  const [db, session] = await Promise.all([getDb(), auth()]);
  return { db, actor: actorFromSession(session), now: new Date() };
}
