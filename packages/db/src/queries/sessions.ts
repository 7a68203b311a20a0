import { eq, sql } from "drizzle-orm";
import { secondFactorRequired, type SessionRecord } from "@loadline/domain";
import type { Database, Transaction } from "../client";
import { athleteProfiles, organisations, users } from "../schema";

/**
 * The per-request session check's one query: the user's session version, whether they (and
 * their athlete profile, if any) are still active, and whether their club requires a second
 * factor they lack. Primary-key lookups plus the unique index on `athlete_profiles.user_id`.
 */
export async function getSessionRecord(db: Database, userId: string): Promise<SessionRecord | null> {
  const [row] = await db
    .select({
      organisationId: users.organisationId,
      role: users.role,
      isOwner: users.isOwner,
      sessionVersion: users.sessionVersion,
      userArchivedAt: users.archivedAt,
      athleteId: athleteProfiles.id,
      athleteArchivedAt: athleteProfiles.archivedAt,
      physioSecondFactorRequired: organisations.physioSecondFactorRequired,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(athleteProfiles, eq(athleteProfiles.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  const { userArchivedAt, athleteArchivedAt, physioSecondFactorRequired, totpEnabledAt, ...record } = row;
  return {
    ...record,
    active: userArchivedAt === null && athleteArchivedAt === null,
    needsSecondFactor: secondFactorRequired(record.role, { physioSecondFactorRequired }) && totpEnabledAt === null,
  };
}

/**
 * End every session of a user: sign-out, password change or reset, archiving an athlete and
 * removing a staff member all call this. Tokens carry the old version and are refused from the
 * next request on. Pass a transaction to bump together with the change that caused it.
 */
export async function endAllSessions(db: Database | Transaction, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
