import type { JWT } from "next-auth/jwt";
import type { NextResponse } from "next/server";
import { refreshedSessionToken } from "@loadline/auth/session-refresh";
import { SESSION_IDLE_SECONDS } from "@loadline/domain";

/**
 * Sliding sessions on page loads: set the re-issued token (see `refreshedSessionToken`) as the
 * session cookie, with the attributes Auth.js gives it. Re-sending a token that was revoked
 * meanwhile (a sign-out racing this response) is harmless: the server refuses its session
 * version on the next request.
 */
export async function withRefreshedSession(
  response: NextResponse,
  token: JWT,
  options: { secret: string; cookieName: string; secure: boolean; now: Date },
): Promise<NextResponse> {
  const value = await refreshedSessionToken(token, { secret: options.secret, salt: options.cookieName, now: options.now });
  if (value === null) return response;
  response.cookies.set(options.cookieName, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: options.secure,
    maxAge: SESSION_IDLE_SECONDS,
  });
  return response;
}
