import type { Role } from "./roles";

/**
 * Session lifetime. A session token lives 12 hours after its last use (sliding) and
 * never more than 7 days after the password was typed (absolute). The server also checks every
 * request against the user's row: see `sessionVerdict`.
 */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 60 * 60;
/** A token older than this is re-issued (new 12-hour expiry) when the user next opens a page. */
export const SESSION_REFRESH_SECONDS = 15 * 60;

/** What a session token claims about its user (seconds since the epoch for `signedInAt`). */
export interface SessionClaims {
  id: string;
  role: Role;
  organisationId: string;
  athleteId: string | null;
  sessionVersion: number;
  signedInAt: number;
}

/** The user's row as the per-request check reads it. */
export interface SessionRecord {
  organisationId: string;
  role: Role;
  isOwner: boolean;
  athleteId: string | null;
  sessionVersion: number;
  /** False once the user or their athlete profile is archived (removed from the club). */
  active: boolean;
  /** The club requires a second factor of this user and none is set up yet. */
  needsSecondFactor: boolean;
}

export type SessionVerdict = "valid" | "ended" | "expired";

/** Has the absolute lifetime run out? A `signedInAt` in the future is refused too. */
export function sessionTooOld(signedInAt: number, now: Date): boolean {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  return signedInAt > nowSeconds + 60 || nowSeconds - signedInAt > SESSION_ABSOLUTE_SECONDS;
}

/**
 * May this token still act? "ended" when the user is gone, archived, or every session was ended
 * since the token was issued (sign-out, password change, archive, removal); "expired" past the
 * absolute lifetime.
 */
export function sessionVerdict(claims: SessionClaims, record: SessionRecord | null, now: Date): SessionVerdict {
  if (sessionTooOld(claims.signedInAt, now)) return "expired";
  if (!record || !record.active) return "ended";
  if (record.sessionVersion !== claims.sessionVersion) return "ended";
  if (record.organisationId !== claims.organisationId || record.role !== claims.role || record.athleteId !== claims.athleteId) return "ended";
  return "valid";
}
