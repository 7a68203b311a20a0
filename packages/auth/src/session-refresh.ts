import { encode, type JWT } from "next-auth/jwt";
import { SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS } from "@loadline/domain";
import { actorFromSession } from "./session";

/**
 * Sliding sessions: a valid token issued more than `SESSION_REFRESH_SECONDS` ago is re-encoded
 * with a fresh 12-hour `exp` (Auth.js's `encode` sets `iat`, `exp` and `jti`). The claims,
 * including `signedInAt`, are kept, so the 7-day absolute limit still counts from the sign-in.
 * Null when no refresh is due, or the token is malformed or past the absolute limit.
 */
export async function refreshedSessionToken(token: JWT, options: { secret: string; salt: string; now: Date }): Promise<string | null> {
  if (!actorFromSession({ user: token.loadline }, options.now)) return null;
  const issuedAt = typeof token.iat === "number" ? token.iat : 0;
  if (Math.floor(options.now.getTime() / 1000) - issuedAt < SESSION_REFRESH_SECONDS) return null;
  return encode({ token, secret: options.secret, salt: options.salt, maxAge: SESSION_IDLE_SECONDS });
}
