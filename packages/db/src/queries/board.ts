import { and, asc, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { athleteProfiles, morningCheckIns, planVersions, sessionLogs, squadMemberships, squads, users } from "../schema";

/** One athlete on a coach's squad board: who they are and which squads they train in. */
export interface BoardAthlete {
  id: string;
  name: string;
  eventOrSport: string;
  squads: { id: string; name: string }[];
}

/**
 * Active athletes of the organisation, optionally only those in any of `squadIds` (filtered in
 * SQL, so a small squad of a large club reads only its own rows), with all their squads. One
 * query whatever the squad size.
 */
export async function listBoardAthletes(db: Database, organisationId: string, squadIds?: string[]): Promise<BoardAthlete[]> {
  const inChosenSquads =
    squadIds && squadIds.length > 0
      ? inArray(
          athleteProfiles.userId,
          db
            .select({ userId: squadMemberships.userId })
            .from(squadMemberships)
            .where(and(eq(squadMemberships.organisationId, organisationId), inArray(squadMemberships.squadId, squadIds))),
        )
      : undefined;
  const rows = await db
    .select({
      id: athleteProfiles.id,
      name: users.name,
      eventOrSport: athleteProfiles.eventOrSport,
      squadId: squads.id,
      squadName: squads.name,
    })
    .from(athleteProfiles)
    .innerJoin(users, eq(users.id, athleteProfiles.userId))
    .leftJoin(squadMemberships, and(eq(squadMemberships.userId, athleteProfiles.userId), eq(squadMemberships.organisationId, organisationId)))
    .leftJoin(squads, eq(squads.id, squadMemberships.squadId))
    .where(and(eq(athleteProfiles.organisationId, organisationId), isNull(athleteProfiles.archivedAt), inChosenSquads))
    .orderBy(asc(users.name), asc(squads.name));
  const byId = new Map<string, BoardAthlete>();
  for (const row of rows) {
    const athlete = byId.get(row.id) ?? { id: row.id, name: row.name, eventOrSport: row.eventOrSport, squads: [] };
    if (row.squadId && row.squadName) athlete.squads.push({ id: row.squadId, name: row.squadName });
    byId.set(row.id, athlete);
  }
  return [...byId.values()];
}

/** When each athlete's current phase started (latest plan version), one query. */
export async function latestPhaseStarts(
  db: Database,
  organisationId: string,
  athleteIds: string[],
): Promise<Map<string, { phase: number; phaseStartedAt: Date }>> {
  if (athleteIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([planVersions.athleteId], {
      athleteId: planVersions.athleteId,
      phase: planVersions.phase,
      phaseStartedAt: planVersions.phaseStartedAt,
    })
    .from(planVersions)
    .where(and(eq(planVersions.organisationId, organisationId), inArray(planVersions.athleteId, athleteIds)))
    .orderBy(planVersions.athleteId, desc(planVersions.version));
  return new Map(rows.map((r) => [r.athleteId, { phase: r.phase, phaseStartedAt: r.phaseStartedAt }]));
}

export interface PainPoint {
  at: Date;
  pain: number;
}

/** Morning pain of these athletes since `since`, oldest first, grouped by athlete (one query). */
export async function morningPainSeries(
  db: Database,
  organisationId: string,
  athleteIds: string[],
  since: Date,
): Promise<Map<string, PainPoint[]>> {
  const result = new Map<string, PainPoint[]>();
  if (athleteIds.length === 0) return result;
  const rows = await db
    .select({ athleteId: morningCheckIns.athleteId, at: morningCheckIns.at, pain: morningCheckIns.morningPain })
    .from(morningCheckIns)
    .where(
      and(
        eq(morningCheckIns.organisationId, organisationId),
        inArray(morningCheckIns.athleteId, athleteIds),
        isNull(morningCheckIns.deletedAt),
        gte(morningCheckIns.at, since),
      ),
    )
    .orderBy(asc(morningCheckIns.at));
  for (const row of rows) {
    const list = result.get(row.athleteId) ?? [];
    list.push({ at: row.at, pain: row.pain });
    result.set(row.athleteId, list);
  }
  return result;
}

/**
 * The latest session log or morning check-in of each athlete, in one statement. Each athlete's
 * newest row is one descent of the (organisation, athlete, at) indexes (LATERAL ... LIMIT 1),
 * never an aggregate over all of their history.
 */
export async function lastLogTimes(db: Database, organisationId: string, athleteIds: string[]): Promise<Map<string, Date>> {
  const result = new Map<string, Date>();
  if (athleteIds.length === 0) return result;
  const latestSession = db
    .select({ at: sessionLogs.at })
    .from(sessionLogs)
    .where(and(eq(sessionLogs.organisationId, organisationId), eq(sessionLogs.athleteId, athleteProfiles.id), isNull(sessionLogs.deletedAt)))
    .orderBy(desc(sessionLogs.at))
    .limit(1)
    .as("latest_session");
  const latestCheckIn = db
    .select({ at: morningCheckIns.at })
    .from(morningCheckIns)
    .where(and(eq(morningCheckIns.organisationId, organisationId), eq(morningCheckIns.athleteId, athleteProfiles.id), isNull(morningCheckIns.deletedAt)))
    .orderBy(desc(morningCheckIns.at))
    .limit(1)
    .as("latest_check_in");
  const rows = await db
    .select({ athleteId: athleteProfiles.id, lastSession: latestSession.at, lastCheckIn: latestCheckIn.at })
    .from(athleteProfiles)
    .leftJoinLateral(latestSession, sql`true`)
    .leftJoinLateral(latestCheckIn, sql`true`)
    .where(and(eq(athleteProfiles.organisationId, organisationId), inArray(athleteProfiles.id, athleteIds)));
  for (const row of rows) {
    const times = [row.lastSession, row.lastCheckIn].filter((t): t is Date => t !== null).map((t) => t.getTime());
    if (times.length > 0) result.set(row.athleteId, new Date(Math.max(...times)));
  }
  return result;
}

/** The phase history of one athlete (each plan version's phase and start), oldest first, no plan content. */
export async function phaseHistory(
  db: Database,
  organisationId: string,
  athleteId: string,
): Promise<{ version: number; phase: number; phaseStartedAt: Date; createdAt: Date }[]> {
  return db
    .select({ version: planVersions.version, phase: planVersions.phase, phaseStartedAt: planVersions.phaseStartedAt, createdAt: planVersions.createdAt })
    .from(planVersions)
    .where(and(eq(planVersions.organisationId, organisationId), eq(planVersions.athleteId, athleteId)))
    .orderBy(asc(planVersions.version));
}

/** A logged session as a coach may see it: no free-text notes (they can hold clinical detail). */
export interface CoachSessionRow {
  id: string;
  at: Date;
  type: string;
  minutes: number | null;
  rpe: number | null;
  painDuring: number;
  painAfter: number | null;
  distanceKm: number | null;
  elevationGainM: number | null;
  cadenceSpm: number | null;
  strides: number | null;
  sprints: number | null;
  surface: string | null;
}

/** Sessions and runs of one athlete since `since`, newest first. */
export async function listCoachSessions(db: Database, organisationId: string, athleteId: string, since: Date): Promise<CoachSessionRow[]> {
  return db
    .select({
      id: sessionLogs.id,
      at: sessionLogs.at,
      type: sessionLogs.type,
      minutes: sessionLogs.minutes,
      rpe: sessionLogs.rpe,
      painDuring: sessionLogs.painDuring,
      painAfter: sessionLogs.painAfter,
      distanceKm: sessionLogs.distanceKm,
      elevationGainM: sessionLogs.elevationGainM,
      cadenceSpm: sessionLogs.cadenceSpm,
      strides: sessionLogs.strides,
      sprints: sessionLogs.sprints,
      surface: sessionLogs.surface,
    })
    .from(sessionLogs)
    .where(
      and(
        eq(sessionLogs.organisationId, organisationId),
        eq(sessionLogs.athleteId, athleteId),
        isNull(sessionLogs.deletedAt),
        gte(sessionLogs.at, since),
      ),
    )
    .orderBy(desc(sessionLogs.at));
}
