import { endAllSessions, getSessionRecord, type Database } from "@loadline/db";
import { sessionVerdict, type Actor } from "@loadline/domain";
import { claimsFromSession } from "./session";

/**
 * The server-side session check, run once per request (tRPC context and page guards): the
 * token's claims against the user's row, in one query. Returns the actor (with the owner flag
 * and whether a required second factor is missing, from the database) or null when the session was ended, the user is archived or removed, or the
 * token is past its absolute lifetime.
 */
export async function actorForSession(db: Database, session: { user?: unknown } | null | undefined, now: Date): Promise<Actor | null> {
  const claims = claimsFromSession(session);
  if (!claims) return null;
  const record = await getSessionRecord(db, claims.id);
  if (!record || sessionVerdict(claims, record, now) !== "valid") return null;
  return {
    userId: claims.id,
    role: record.role,
    organisationId: record.organisationId,
    athleteId: record.athleteId,
    isOwner: record.isOwner,
    ...(record.needsSecondFactor ? { needsSecondFactor: true } : {}),
  };
}

/** Sign-out: end every session of the token's user (Auth.js's `signOut` event calls this). */
export async function endSessionsOfToken(db: Database, token: Record<string, unknown> | null | undefined): Promise<void> {
  const claims = claimsFromSession({ user: token?.loadline });
  if (claims) await endAllSessions(db, claims.id);
}
