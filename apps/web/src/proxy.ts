import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { sectionAccess, sessionCookieFor } from "@loadline/auth/config";
import { actorFromSession } from "@loadline/auth/session";
import { roleForSection } from "@loadline/domain";
import { env } from "@/env";
import { needsNoStore, newNonce, securityHeaders, servedOverHttps } from "@/server/security-headers";
import { withRefreshedSession } from "@/server/session-refresh";

/**
 * Every response gets the security headers (a per-request CSP nonce for pages). On role
 * sections it is also the first line of defence: anonymous users are sent to sign in, and
 * users who type another role's URL are sent to /forbidden. Each section's layout checks again.
 *
 * It only reads the session token: routing, not authority (the layouts and the tRPC context check
 * the session against the database). Tokens past the 7-day absolute limit count as signed out,
 * and a valid token is re-issued now and then so sessions slide (session-refresh.ts). Auth.js's
 * own proxy wrapper is not used: it re-sends the cookie on every response.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const https = servedOverHttps(request.nextUrl, request.headers);
  const nonce = newNonce();
  const headers = securityHeaders({ nonce, https, dev: env.NODE_ENV === "development", noStore: needsNoStore(pathname) });
  const response = await route(request, nonce, headers["Content-Security-Policy"]);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

async function route(request: NextRequest, nonce: string, csp: string | undefined): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  if (csp) requestHeaders.set("Content-Security-Policy", csp);
  const next = () => NextResponse.next({ request: { headers: requestHeaders } });
  if (!roleForSection(pathname.split("/")[1] ?? "")) return next();

  // The cookie's name as Auth.js chose it (AUTH_URL, else the forwarded protocol), the same rule
  // as the session check: behind a TLS-terminating proxy the request itself is plain HTTP.
  const { secure, cookieName } = sessionCookieFor(env.AUTH_URL, request.headers);
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie: secure, cookieName, salt: cookieName });
  const now = new Date();
  const actor = actorFromSession({ user: token?.loadline }, now);
  const access = sectionAccess(pathname, actor?.role ?? null);
  if (access.kind === "sign-in") {
    const url = new URL("/sign-in", request.nextUrl);
    url.searchParams.set("callbackUrl", request.nextUrl.href);
    return NextResponse.redirect(url);
  }
  if (access.kind === "forbidden") {
    const url = new URL("/forbidden", request.nextUrl);
    url.searchParams.set("from", pathname);
    url.searchParams.set("home", access.home);
    return NextResponse.redirect(url);
  }
  const response = next();
  return token && actor ? withRefreshedSession(response, token, { secret: env.AUTH_SECRET, cookieName, secure, now }) : response;
}

export const config = {
  // Every page and API route but Next's static files and the tRPC endpoint, whose fixed headers
  // next.config.ts sets (`apiSecurityHeaders`). Prefetches stay included so the role check runs
  // on them too.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/trpc).*)"],
};
