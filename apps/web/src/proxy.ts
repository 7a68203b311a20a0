import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { sectionAccess, sessionCookieName } from "@loadline/auth/config";
import { actorFromSession } from "@loadline/auth/session";
import { env } from "@/env";
import { withRefreshedSession } from "@/server/session-refresh";

/**
 * First line of defence: anonymous users are sent to sign in, and users who type another
 * role's URL are sent to /forbidden. Each section's layout checks again on the server.
 *
 * It only reads the session token: routing, not authority (the layouts and the tRPC context check
 * the session against the database). Tokens past the 7-day absolute limit count as signed out,
 * and a valid token is re-issued now and then so sessions slide (session-refresh.ts). Auth.js's
 * own proxy wrapper is not used: it re-sends the cookie on every response.
 */
export async function proxy(request: NextRequest) {
  const secure = request.nextUrl.protocol === "https:";
  const cookieName = sessionCookieName(secure);
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie: secure, cookieName, salt: cookieName });
  const now = new Date();
  const actor = actorFromSession({ user: token?.loadline }, now);
  const access = sectionAccess(request.nextUrl.pathname, actor?.role ?? null);
  if (access.kind === "allow") {
    const response = NextResponse.next();
    return token && actor ? withRefreshedSession(response, token, { secret: env.AUTH_SECRET, cookieName, secure, now }) : response;
  }
  if (access.kind === "sign-in") {
    const url = new URL("/sign-in", request.nextUrl);
    url.searchParams.set("callbackUrl", request.nextUrl.href);
    return NextResponse.redirect(url);
  }
  const url = new URL("/forbidden", request.nextUrl);
  url.searchParams.set("from", request.nextUrl.pathname);
  url.searchParams.set("home", access.home);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/coach/:path*", "/physio/:path*", "/me/:path*"] };
