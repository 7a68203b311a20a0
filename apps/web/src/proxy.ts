import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { sectionAccess, sessionCookieName } from "@loadline/auth/config";
import { sessionUserSchema } from "@loadline/auth/session";
import { env } from "@/env";

/**
 * First line of defence: anonymous users are sent to sign in, and users who type another
 * role's URL are sent to /forbidden. Each section's layout checks again on the server.
 *
 * It only reads the session token. (Auth.js's own proxy wrapper re-sends the session cookie
 * on every response, so a page request still in flight when someone signs out would sign
 * them back in.)
 */
export async function proxy(request: NextRequest) {
  const secure = request.nextUrl.protocol === "https:";
  const cookieName = sessionCookieName(secure);
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie: secure, cookieName, salt: cookieName });
  const user = sessionUserSchema.safeParse(token?.loadline);
  const access = sectionAccess(request.nextUrl.pathname, user.success ? user.data.role : null);
  if (access.kind === "allow") return NextResponse.next();
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
