import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getToken } from "next-auth/jwt";
import { cache } from "react";
import { actorForSession } from "@loadline/auth";
import { sessionCookieFor } from "@loadline/auth/config";
import { homePathFor, type Actor, type Role } from "@loadline/domain";
import { env } from "@/env";
import { getDb } from "./db";

/**
 * The signed-in actor after the server-side session check (active user, same session version,
 * within 7 days of sign-in), or null. Cached per server render, so a page's layout guard and its
 * tRPC prefetches share one check.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const [db, token] = await Promise.all([getDb(), sessionToken()]);
  return actorForSession(db, { user: token?.loadline }, new Date());
});

/**
 * The session token Auth.js wrote, decrypted, or null: an absent, forged or expired token. Not
 * Auth.js's `auth()`, which runs its whole session endpoint on each call (a request object, the
 * callbacks, and a freshly encrypted token that a server render cannot set and throws away): on
 * a trivial API call that was about a fifth of the server's CPU. Read as `auth()` reads it: the
 * cookie only (no bearer header), under the name Auth.js gives this request's cookie
 * (`sessionCookieFor`, as proxy.ts reads it). Sessions still slide: proxy.ts re-issues the cookie
 * on page loads.
 */
async function sessionToken() {
  const requestHeaders = await headers();
  const { secure, cookieName } = sessionCookieFor(env.AUTH_URL, requestHeaders);
  const onlyTheCookie = new Headers({ cookie: requestHeaders.get("cookie") ?? "" });
  return getToken({ req: { headers: onlyTheCookie }, secret: env.AUTH_SECRET, secureCookie: secure, cookieName, salt: cookieName });
}

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
