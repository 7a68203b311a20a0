import { encode, type JWT } from "next-auth/jwt";
import type { NextResponse } from "next/server";
import { SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS } from "@loadline/domain";

/**
 * Sliding sessions: when a page is opened with a token issued more than
 * `SESSION_REFRESH_SECONDS` ago, re-issue it with a fresh 12-hour expiry (cookie and JWT `exp`).
 * The claims, including `signedInAt`, are kept, so the 7-day absolute limit still counts from the
 * sign-in. Re-sending a token that was revoked meanwhile (a sign-out racing this response) is
 * harmless: the server refuses its session version on the next request.
 */
export async function withRefreshedSession(
  response: NextResponse,
  token: JWT,
  options: { secret: string; cookieName: string; secure: boolean; now: Date },
): Promise<NextResponse> {
  const issuedAt = typeof token.iat === "number" ? token.iat : 0;
  if (Math.floor(options.now.getTime() / 1000) - issuedAt < SESSION_REFRESH_SECONDS) return response;
  const value = await encode({ token, secret: options.secret, salt: options.cookieName, maxAge: SESSION_IDLE_SECONDS });
  response.cookies.set(options.cookieName, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: options.secure,
    maxAge: SESSION_IDLE_SECONDS,
  });
  return response;
}
