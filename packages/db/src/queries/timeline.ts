import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, or } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { AthleteTimelineInput, CapacityTest, LoggedSession } from "@loadline/domain";
import type { Database } from "../client";
import {
  adjunctTreatments,
  athleteProfiles,
  capacityTests,
  clinicianReviews,
  gaitAssessments,
  injuryEpisodes,
  morningCheckIns,
  planVersions,
  sessionLogs,
  squadMemberships,
  squadSessions,
  visaHResponses,
} from "../schema";

type SessionRow = typeof sessionLogs.$inferSelect;
type PlanRow = typeof planVersions.$inferSelect;

const orNone = <T>(value: T | null): T | undefined => value ?? undefined;

/** A stored session row as the domain's logged session. */
export function toLoggedSession(row: SessionRow): LoggedSession {
  const common = {
    id: row.id,
    at: row.at,
    rpe: orNone(row.rpe),
    painDuring: row.painDuring,
    painAfter: orNone(row.painAfter),
    asPrescribed: row.asPrescribed,
    activities: row.activities as LoggedSession["activities"],
    categories: row.categories as LoggedSession["categories"],
    heavy: row.heavy,
    heaviestRm: orNone(row.heaviestRm),
    fullIntensity: row.fullIntensity,
    fullTraining: row.fullTraining,
    notes: row.notes || undefined,
  };
  if (row.type === "run") {
    return {
      ...common,
      type: "run",
      minutes: orNone(row.minutes),
      distanceKm: orNone(row.distanceKm),
      elevationGainM: orNone(row.elevationGainM),
      steepestGradientPct: orNone(row.steepestGradientPct),
      surface: orNone(row.surface) as Extract<LoggedSession, { type: "run" }>["surface"],
      strides: row.strides ?? 0,
      sprints: row.sprints ?? 0,
      cadenceSpm: orNone(row.cadenceSpm),
      walkRun: row.walkRun ?? false,
    };
  }
  return { ...common, type: row.type, minutes: row.minutes ?? 0 };
}

/** A stored plan version as the domain's plan. */
export function toPlan(row: PlanRow): NonNullable<AthleteTimelineInput["plan"]> {
  return {
    ...row.content,
    id: row.id,
    athleteId: row.athleteId,
    version: row.version,
    authorId: row.authorId,
    createdAt: row.createdAt,
    phase: row.phase as 1 | 2 | 3 | 4,
    phaseStartedAt: row.phaseStartedAt,
  };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/**
 * A plan counts while its injury episode is open: a discharged athlete is no longer in rehab.
 * Use with `planVersions` left-joined to `injuryEpisodes` on the episode id.
 */
export const planIsActive = or(isNull(planVersions.episodeId), eq(injuryEpisodes.status, "active"));

/** How far back the engine looks: its longest window (R19's 12 weeks, R13's 28 days, VISA-H baselines) with margin. */
export const TIMELINE_HISTORY_DAYS = 400;

/**
 * Everything the rules engine reads for these athletes, in a fixed number of queries
 * (one per record kind) whatever the number of athletes. Athletes outside the
 * organisation are silently absent from the result.
 */
export async function loadTimelines(
  db: Database,
  organisationId: string,
  athleteIds: string[],
  now: Date,
): Promise<Map<string, AthleteTimelineInput>> {
  const result = new Map<string, AthleteTimelineInput>();
  if (athleteIds.length === 0) return result;
  const since = new Date(now.getTime() - TIMELINE_HISTORY_DAYS * 86_400_000);
  const inOrg = (t: { organisationId: AnyPgColumn }) => eq(t.organisationId, organisationId);

  const [profiles, plans, sessions, checkIns, visaH, gait, adjuncts, capacity, reviews, memberships] = await Promise.all([
    db
      .select()
      .from(athleteProfiles)
      .where(and(inOrg(athleteProfiles), inArray(athleteProfiles.id, athleteIds))),
    // The latest plan version per athlete, while its injury episode is open: a discharged
    // athlete (episode resolved) is no longer in rehab.
    db
      .selectDistinctOn([planVersions.athleteId], getTableColumns(planVersions))
      .from(planVersions)
      .leftJoin(injuryEpisodes, eq(injuryEpisodes.id, planVersions.episodeId))
      .where(and(inOrg(planVersions), inArray(planVersions.athleteId, athleteIds), planIsActive))
      .orderBy(planVersions.athleteId, desc(planVersions.version)),
    db
      .select()
      .from(sessionLogs)
      .where(and(inOrg(sessionLogs), inArray(sessionLogs.athleteId, athleteIds), isNull(sessionLogs.deletedAt), gte(sessionLogs.at, since)))
      .orderBy(asc(sessionLogs.at)),
    db
      .select()
      .from(morningCheckIns)
      .where(and(inOrg(morningCheckIns), inArray(morningCheckIns.athleteId, athleteIds), isNull(morningCheckIns.deletedAt), gte(morningCheckIns.at, since)))
      .orderBy(asc(morningCheckIns.at)),
    db
      .select()
      .from(visaHResponses)
      .where(and(inOrg(visaHResponses), inArray(visaHResponses.athleteId, athleteIds), isNull(visaHResponses.withdrawnAt)))
      .orderBy(asc(visaHResponses.at)),
    db
      .select()
      .from(gaitAssessments)
      .where(and(inOrg(gaitAssessments), inArray(gaitAssessments.athleteId, athleteIds)))
      .orderBy(asc(gaitAssessments.at)),
    db
      .select()
      .from(adjunctTreatments)
      .where(and(inOrg(adjunctTreatments), inArray(adjunctTreatments.athleteId, athleteIds)))
      .orderBy(asc(adjunctTreatments.at)),
    db
      .select()
      .from(capacityTests)
      .where(and(inOrg(capacityTests), inArray(capacityTests.athleteId, athleteIds)))
      .orderBy(asc(capacityTests.at)),
    db
      .select()
      .from(clinicianReviews)
      .where(and(inOrg(clinicianReviews), inArray(clinicianReviews.athleteId, athleteIds)))
      .orderBy(asc(clinicianReviews.at)),
    db
      .select({ athleteId: athleteProfiles.id, squadId: squadMemberships.squadId })
      .from(squadMemberships)
      .innerJoin(athleteProfiles, eq(athleteProfiles.userId, squadMemberships.userId))
      .where(and(eq(squadMemberships.organisationId, organisationId), inArray(athleteProfiles.id, athleteIds))),
  ]);

  const squadIds = [...new Set(memberships.map((m) => m.squadId))];
  const planned =
    squadIds.length === 0
      ? []
      : await db
          .select()
          .from(squadSessions)
          .where(
            and(
              inOrg(squadSessions),
              inArray(squadSessions.squadId, squadIds),
              // A plain Date parameter: wrapped in sql`` postgres-js receives it untyped and fails.
              gte(squadSessions.at, new Date(now.getTime() - 14 * 86_400_000)),
            ),
          );

  const plansBy = new Map(plans.map((p) => [p.athleteId, p]));
  const sessionsBy = groupBy(sessions, (r) => r.athleteId);
  const checkInsBy = groupBy(checkIns, (r) => r.athleteId);
  const visaHBy = groupBy(visaH, (r) => r.athleteId);
  const gaitBy = groupBy(gait, (r) => r.athleteId);
  const adjunctsBy = groupBy(adjuncts, (r) => r.athleteId);
  const capacityBy = groupBy(capacity, (r) => r.athleteId);
  const reviewsBy = groupBy(reviews, (r) => r.athleteId);
  const squadsBy = groupBy(memberships, (r) => r.athleteId);
  const plannedBySquad = groupBy(planned, (r) => r.squadId);

  for (const profile of profiles) {
    const id = profile.id;
    const athleteSquads = (squadsBy.get(id) ?? []).map((m) => m.squadId);
    const plan = plansBy.get(id);
    result.set(id, {
      athlete: {
        id,
        birthYear: profile.birthYear,
        sex: profile.sex,
        sport: profile.eventOrSport,
        squadIds: athleteSquads,
        preInjuryWeeklyKm: profile.preInjuryWeeklyKm,
        previousHamstringInjury: profile.previousHamstringInjury,
        conditions: profile.conditions,
        bmi: profile.bmi,
        usualCadenceSpm: profile.usualCadenceSpm,
      },
      plan: plan ? toPlan(plan) : null,
      sessions: (sessionsBy.get(id) ?? []).map(toLoggedSession),
      checkIns: (checkInsBy.get(id) ?? []).map((c) => ({
        id: c.id,
        at: c.at,
        morningPain: c.morningPain,
        stiffnessMinutes: orNone(c.stiffnessMinutes),
        loadTestPain: orNone(c.loadTestPain),
        restPain: orNone(c.restPain),
        longestSitMinutes: orNone(c.longestSitMinutes),
        sittingToleranceMinutes: orNone(c.sittingToleranceMinutes),
        redFlags: c.redFlags as NonNullable<AthleteTimelineInput["checkIns"]>[number]["redFlags"],
      })),
      visaH: (visaHBy.get(id) ?? []).map((v) => ({ id: v.id, at: v.at, items: v.items as never })),
      gaitAssessments: (gaitBy.get(id) ?? []).map((g) => ({
        id: g.id,
        at: g.at,
        assessorId: g.assessorId,
        surface: g.surface,
        speedKmh: orNone(g.speedKmh),
        cadenceSpm: orNone(g.cadenceSpm),
        faults: g.faults,
        cuesPrescribed: g.cues,
        notes: g.notes || undefined,
        videoUrl: orNone(g.videoUrl),
      })),
      adjuncts: (adjunctsBy.get(id) ?? []).map((a) => ({
        id: a.id,
        at: a.at,
        kind: a.kind as NonNullable<AthleteTimelineInput["adjuncts"]>[number]["kind"],
        side: orNone(a.side),
        parameters: a.parameters || undefined,
        provider: a.provider || undefined,
        restrictions: orNone(a.restrictions),
      })),
      capacityTests: (capacityBy.get(id) ?? []).map(toCapacityTest),
      squadSessions: athleteSquads.flatMap((squadId) =>
        (plannedBySquad.get(squadId) ?? []).map((s) => ({
          id: s.id,
          at: s.at,
          squadId: s.squadId,
          kind: s.kind as NonNullable<AthleteTimelineInput["squadSessions"]>[number]["kind"],
          notes: s.notes || undefined,
        })),
      ),
      reviews: (reviewsBy.get(id) ?? []).map((r) => ({
        id: r.id,
        at: r.at,
        ruleId: r.ruleId as NonNullable<AthleteTimelineInput["reviews"]>[number]["ruleId"],
        reviewerId: r.reviewerId,
        note: r.note || undefined,
      })),
    });
  }
  return result;
}

function toCapacityTest(row: typeof capacityTests.$inferSelect): CapacityTest {
  if (row.kind === "drop_lunge") return { id: row.id, at: row.at, kind: "drop_lunge", pain: row.pain ?? 0 };
  return { id: row.id, at: row.at, kind: row.kind, affected: row.affected ?? 0, other: row.other ?? 0 };
}
