import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { actorForSession } from "@loadline/auth";
import { homePathFor, type Actor, type Role } from "@loadline/domain";
import { auth } from "@/auth";
import { getDb } from "./db";

/**
 * The signed-in actor after the server-side session check (active user, same session version,
 * within 7 days of sign-in), or null. Cached per server render, so a page's layout guard and its
 * tRPC prefetches share one check.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const [db, session] = await Promise.all([getDb(), auth()]);
  return actorForSession(db, session, new Date());
});

/** The signed-in actor, or a redirect to sign in. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** The signed-in actor with this role; anyone else goes to /forbidden (server-side check behind the proxy). */
export async function requireRole(role: Role, path: string): Promise<Actor> {
  const actor = await requireActor();
  // The club requires a second factor this user has not set up: only the account page works.
  if (actor.needsSecondFactor) redirect("/account?secondFactor=required");
  if (actor.role !== role) redirect(`/forbidden?from=${encodeURIComponent(path)}&home=${encodeURIComponent(homePathFor(actor.role))}`);
  return actor;
}
