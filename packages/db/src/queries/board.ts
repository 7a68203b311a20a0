import { and, asc, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Transaction } from "../client";
import { rowsOf } from "../job-sql";
import type { BoardView } from "@loadline/domain";
import { athleteProfiles, morningCheckIns, planVersions, sessionLogs, squadMemberships, squads, users, type SerialisedAssessment } from "../schema";

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

/** A stored snapshot as the board reads it: its times (epoch ms) and board row, never the full assessment. */
export interface BoardSnapshot {
  computedAt: number;
  staleAfter: number;
  engineVersion: string;
  /** The stored board row (`toBoardView`); null when the records need attention or before engine version 4. */
  board: BoardView | null;
  /** True when the athlete's records could not be assessed (a snapshot without an assessment). */
  unreadable: boolean;
  /**
   * Only for a snapshot of an engine version that stored no board row yet (until the version
   * sweep re-assesses it): its full assessment, so the row still shows. Null otherwise.
   */
  legacyAssessment: SerialisedAssessment | null;
}

/** One board row as the database returns it: the athlete, their stored snapshot and what the row shows beside it. */
export interface BoardReadRow {
  athlete: BoardAthlete;
  /** The stored snapshot, or null before the first. */
  snapshot: BoardSnapshot | null;
  /** Start of the current phase (latest plan version, epoch ms), or null without a plan. */
  phaseStartedAt: number | null;
  /** Morning pain since `painSince`, oldest first, times in epoch ms. */
  pain: BoardPainPoint[];
  /** The latest session log or check-in (epoch ms), or null when nothing was logged. */
  lastLogAt: number | null;
}

/** One morning's pain on the board's sparkline (epoch ms). */
export interface BoardPainPoint {
  at: number;
  pain: number;
}

const epochOf = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const epoch = (column: ReturnType<typeof sql>) => sql`(extract(epoch FROM ${column}) * 1000)::float8`;

/**
 * The whole squad board in one statement, whatever the number of athletes: the active athletes
 * of the organisation (or of any of `squadIds`, filtered in SQL) with their squads, stored
 * snapshot (its board row, not the assessment), current phase start, morning pain since
 * `painSince` and latest log. Every per-athlete part is a lookup on that athlete's index range
 * ((organisation, athlete, at) for logs and check-ins: the latest row is one descent, LIMIT 1),
 * never an aggregate over history. Times come back as epoch milliseconds: nothing to parse.
 */
export async function readBoardRows(db: Database | Transaction, organisationId: string, squadIds: string[] | undefined, painSince: Date): Promise<BoardReadRow[]> {
  const org = sql`${organisationId}::uuid`;
  const since = sql`${painSince.toISOString()}::timestamptz`;
  const inSquads =
    squadIds && squadIds.length > 0
      ? sql`AND EXISTS (SELECT 1 FROM squad_memberships m WHERE m.organisation_id = ${org} AND m.user_id = a.user_id
          AND m.squad_id IN (${sql.join(squadIds.map((id) => sql`${id}::uuid`), sql`, `)}))`
      : sql``;
  const result = await db.execute(sql`
    SELECT a.id, u.name, a.event_or_sport,
      COALESCE((SELECT json_agg(json_build_object('id', s.id, 'name', s.name) ORDER BY s.name)
        FROM squad_memberships m JOIN squads s ON s.id = m.squad_id
        WHERE m.organisation_id = ${org} AND m.user_id = a.user_id), '[]'::json) AS squads,
      snap.athlete_id IS NOT NULL AS has_snapshot, ${epoch(sql`snap.computed_at`)} AS computed_at, ${epoch(sql`snap.stale_after`)} AS stale_after,
      snap.engine_version, snap.board, snap.assessment IS NULL AS unreadable,
      CASE WHEN snap.board IS NULL THEN snap.assessment END AS legacy_assessment,
      (SELECT ${epoch(sql`p.phase_started_at`)} FROM plan_versions p
        WHERE p.organisation_id = ${org} AND p.athlete_id = a.id ORDER BY p.version DESC LIMIT 1) AS phase_started_at,
      COALESCE((SELECT json_agg(json_build_object('at', ${epoch(sql`c.at`)}, 'pain', c.morning_pain) ORDER BY c.at)
        FROM morning_check_ins c
        WHERE c.organisation_id = ${org} AND c.athlete_id = a.id AND c.deleted_at IS NULL AND c.at >= ${since}), '[]'::json) AS pain,
      ${epoch(sql`GREATEST(
        (SELECT l.at FROM session_logs l WHERE l.organisation_id = ${org} AND l.athlete_id = a.id AND l.deleted_at IS NULL ORDER BY l.at DESC LIMIT 1),
        (SELECT c.at FROM morning_check_ins c WHERE c.organisation_id = ${org} AND c.athlete_id = a.id AND c.deleted_at IS NULL ORDER BY c.at DESC LIMIT 1)
      )`)} AS last_log_at
    FROM athlete_profiles a
    JOIN users u ON u.id = a.user_id
    LEFT JOIN assessment_snapshots snap ON snap.athlete_id = a.id AND snap.organisation_id = ${org}
    WHERE a.organisation_id = ${org} AND a.archived_at IS NULL ${inSquads}
    ORDER BY u.name, a.id`);
  return rowsOf(result).map((r) => ({
    athlete: {
      id: String(r.id),
      name: String(r.name),
      eventOrSport: String(r.event_or_sport),
      squads: (r.squads as { id: string; name: string }[]).map((s) => ({ id: s.id, name: s.name })),
    },
    snapshot: r.has_snapshot
      ? {
          computedAt: Number(r.computed_at),
          staleAfter: Number(r.stale_after),
          engineVersion: String(r.engine_version),
          board: (r.board ?? null) as BoardView | null,
          unreadable: r.unreadable === true,
          legacyAssessment: (r.legacy_assessment ?? null) as SerialisedAssessment | null,
        }
      : null,
    phaseStartedAt: epochOf(r.phase_started_at),
    pain: r.pain as BoardPainPoint[],
    lastLogAt: epochOf(r.last_log_at),
  }));
}
