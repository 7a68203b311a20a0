import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import {
  activityKinds,
  adjunctTreatmentKinds,
  engineReadWindow,
  exerciseCategories,
  modifyingConditions,
  redFlagIds,
  ruleIds,
  squadSessionKinds,
  surfaces,
  type ActivityKind,
  type AdjunctTreatmentKind,
  type AthleteTimeline,
  type CapacityTest,
  type EngineReadWindow,
  type LoggedSession,
  type ModifyingCondition,
  type MorningCheckIn,
  type Plan,
  type RuleId,
  type SquadSessionKind,
  type Surface,
} from "@loadline/domain";
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
  type PlanContent,
} from "../schema";

type SessionRow = typeof sessionLogs.$inferSelect;
type CheckInRow = typeof morningCheckIns.$inferSelect;
type PlanRow = typeof planVersions.$inferSelect;
type Timeline = AthleteTimeline;

/**
 * A stored record the engine cannot read (a shape no release writes any more, a JSON column
 * edited by hand): its athlete is "record needs attention", the rest of the batch is assessed.
 */
export class UnreadableRecord extends Error {
  constructor(kind: string, id: string, problem: string) {
    super(`${kind} ${id}: ${problem}`);
    this.name = "UnreadableRecord";
  }
}

const orNone = <T>(value: T | null): T | undefined => value ?? undefined;
const textOrNone = (value: string | null): string | undefined => value || undefined;

function known<T extends string>(kind: string, id: string, values: ReadonlySet<string>, value: string): T {
  if (!values.has(value)) throw new UnreadableRecord(kind, id, `unknown value "${value}"`);
  return value as T;
}

function knownList<T extends string>(kind: string, id: string, values: ReadonlySet<string>, list: readonly string[] | null): T[] {
  if (list === null) return [];
  for (const value of list) if (!values.has(value)) throw new UnreadableRecord(kind, id, `unknown value "${value}"`);
  return list as T[];
}

const activitySet: ReadonlySet<string> = new Set(activityKinds);
const categorySet: ReadonlySet<string> = new Set(exerciseCategories);
const surfaceSet: ReadonlySet<string> = new Set(surfaces);
const redFlagSet: ReadonlySet<string> = new Set(redFlagIds);
const conditionSet: ReadonlySet<string> = new Set(modifyingConditions);
const adjunctKindSet: ReadonlySet<string> = new Set(adjunctTreatmentKinds);
const squadSessionKindSet: ReadonlySet<string> = new Set(squadSessionKinds);
const ruleIdSet: ReadonlySet<string> = new Set(ruleIds);
const sessionTypeSet: ReadonlySet<string> = new Set(["strength", "run", "field", "cross_training"]);

/*
 * Row mappers: a stored row as the engine's typed input, with the defaults the schemas would
 * apply. Records are validated when written (zod in the procedures, CHECK constraints in the
 * tables), so reading does not validate them again; a mapper checks only what a column's type
 * cannot promise (text holding a vocabulary word, JSON holding a list) and throws
 * `UnreadableRecord` otherwise.
 */

/** A stored session row as the domain's logged session. */
export function toLoggedSession(row: SessionRow): LoggedSession {
  const type = known<SessionRow["type"]>("session", row.id, sessionTypeSet, row.type);
  const activities = knownList<LoggedSession["activities"][number]>("session", row.id, activitySet, row.activities);
  const categories = knownList<LoggedSession["categories"][number]>("session", row.id, categorySet, row.categories);
  // Whole object literals (no spread of a shared part): this runs for every session of a refresh.
  if (type === "run") {
    if (row.minutes === null && row.distanceKm === null) throw new UnreadableRecord("run", row.id, "neither minutes nor distance");
    return {
      id: row.id,
      at: row.at,
      type: "run",
      rpe: orNone(row.rpe),
      painDuring: row.painDuring,
      painAfter: orNone(row.painAfter),
      asPrescribed: row.asPrescribed,
      activities,
      categories,
      heavy: row.heavy,
      heaviestRm: orNone(row.heaviestRm),
      fullIntensity: row.fullIntensity,
      fullTraining: row.fullTraining,
      notes: textOrNone(row.notes),
      minutes: orNone(row.minutes),
      distanceKm: orNone(row.distanceKm),
      elevationGainM: orNone(row.elevationGainM),
      steepestGradientPct: orNone(row.steepestGradientPct),
      surface: row.surface === null ? undefined : known<Surface>("run", row.id, surfaceSet, row.surface),
      strides: row.strides ?? 0,
      sprints: row.sprints ?? 0,
      cadenceSpm: orNone(row.cadenceSpm),
      walkRun: row.walkRun ?? false,
    };
  }
  return {
    id: row.id,
    at: row.at,
    type,
    rpe: orNone(row.rpe),
    painDuring: row.painDuring,
    painAfter: orNone(row.painAfter),
    asPrescribed: row.asPrescribed,
    activities,
    categories,
    heavy: row.heavy,
    heaviestRm: orNone(row.heaviestRm),
    fullIntensity: row.fullIntensity,
    fullTraining: row.fullTraining,
    notes: textOrNone(row.notes),
    minutes: row.minutes ?? 0,
  };
}

/** A stored morning check-in as the domain's check-in. */
export function toCheckIn(row: CheckInRow): MorningCheckIn {
  return {
    id: row.id,
    at: row.at,
    morningPain: row.morningPain,
    stiffnessMinutes: orNone(row.stiffnessMinutes),
    loadTestPain: orNone(row.loadTestPain),
    restPain: orNone(row.restPain),
    longestSitMinutes: orNone(row.longestSitMinutes),
    sittingToleranceMinutes: orNone(row.sittingToleranceMinutes),
    redFlags: knownList<MorningCheckIn["redFlags"][number]>("check-in", row.id, redFlagSet, row.redFlags),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function listIn(content: Record<string, unknown>, field: string, planId: string): unknown[] {
  const value = content[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new UnreadableRecord("plan", planId, `${field} is not a list`);
  return value;
}

/** A stored plan version as the domain's plan (its JSON body checked for shape, defaults applied). */
export function toPlan(row: PlanRow): Plan {
  const content: unknown = row.content;
  if (!isObject(content)) throw new UnreadableRecord("plan", row.id, "content is not an object");
  if (row.phase !== 1 && row.phase !== 2 && row.phase !== 3 && row.phase !== 4) throw new UnreadableRecord("plan", row.id, `phase ${String(row.phase satisfies never)}`);
  const prescriptions = listIn(content, "prescriptions", row.id).map((p) => {
    if (!isObject(p)) throw new UnreadableRecord("plan", row.id, "a prescription is not an object");
    return { ...p, heavy: p.heavy === true, highTendonLoad: p.highTendonLoad === true } as Plan["prescriptions"][number];
  });
  const thresholds = content.thresholds ?? {};
  if (!isObject(thresholds) || !Object.values(thresholds).every((group) => group === undefined || isObject(group))) {
    throw new UnreadableRecord("plan", row.id, "thresholds are not groups of values");
  }
  const activities = (field: string) => knownList<ActivityKind>("plan", row.id, activitySet, listIn(content, field, row.id) as string[]);
  const body = content as Partial<PlanContent>;
  return {
    id: row.id,
    athleteId: row.athleteId,
    version: row.version,
    authorId: row.authorId,
    createdAt: row.createdAt,
    phase: row.phase,
    phaseStartedAt: row.phaseStartedAt,
    prescriptions,
    allowedActivities: activities("allowedActivities"),
    forbiddenActivities: activities("forbiddenActivities"),
    thresholds,
    targetEasyRun: isObject(body.targetEasyRun) ? body.targetEasyRun : undefined,
    returnToSportElements: activities("returnToSportElements"),
    maintenancePlan: typeof body.maintenancePlan === "string" ? body.maintenancePlan : undefined,
    visaHBaseline: typeof body.visaHBaseline === "number" ? body.visaHBaseline : undefined,
    notes: typeof body.notes === "string" ? body.notes : undefined,
  };
}

/** A stored VISA-H row as the engine reads it. */
export function toVisaH(row: typeof visaHResponses.$inferSelect): Timeline["visaH"][number] {
  const items: unknown = row.items;
  if (!Array.isArray(items) || items.length !== 8 || !items.every((i) => typeof i === "number")) {
    throw new UnreadableRecord("VISA-H", row.id, "items are not the 8 scores");
  }
  return { id: row.id, at: row.at, items: items as Timeline["visaH"][number]["items"] };
}

function toGait(row: typeof gaitAssessments.$inferSelect): Timeline["gaitAssessments"][number] {
  if (!Array.isArray(row.faults)) throw new UnreadableRecord("gait assessment", row.id, "faults are not a list");
  return {
    id: row.id,
    at: row.at,
    assessorId: row.assessorId,
    surface: row.surface,
    speedKmh: orNone(row.speedKmh),
    cadenceSpm: orNone(row.cadenceSpm),
    faults: row.faults,
    cuesPrescribed: row.cues ?? [],
    notes: textOrNone(row.notes),
    videoUrl: orNone(row.videoUrl),
  };
}

function toCapacityTest(row: typeof capacityTests.$inferSelect): CapacityTest {
  if (row.kind === "drop_lunge") return { id: row.id, at: row.at, kind: "drop_lunge", pain: row.pain ?? 0 };
  return { id: row.id, at: row.at, kind: row.kind, affected: row.affected ?? 0, other: row.other ?? 0 };
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

/**
 * One athlete's engine input, or why their stored records cannot be read; with the athlete's own
 * time zone (null: the club's), read with the profile.
 */
export type LoadedTimeline = ({ ok: true; timeline: AthleteTimeline } | { ok: false; problem: string }) & { timeZone: string | null };

const DAY_MS = 86_400_000;

/**
 * What the rules engine reads for these athletes at `now`, and only that (the domain's
 * `engineReadWindow`: sessions and check-ins of the rules' windows and the current phase,
 * red-flag check-ins, the latest review per rule, the first and latest VISA-H and those of the compliance period, the latest gait
 * assessment and capacity test of each kind, recent or unrestricted adjuncts, planned squad
 * sessions of the look-ahead), built with the row mappers above. Two rounds of queries whatever
 * the number of athletes: what decides the windows (plans), then the windowed records. An
 * athlete whose records cannot be mapped is returned as such, never failing the others; athletes
 * outside the organisation are absent.
 */
export interface LoadTimelinesOptions {
  /**
   * Started with the second round, once the plans are known (each athlete's readable plan, or
   * null), and awaited with it: the athlete's own write sends its statement right behind the
   * windowed reads instead of waiting a round trip for them. Sent after them, so they never see
   * it (a transaction runs its statements in the order they were sent).
   */
  alongsideWindowedReads?: (plans: ReadonlyMap<string, Plan | null>) => Promise<void>;
}

export async function loadTimelines(
  db: Database,
  organisationId: string,
  athleteIds: string[],
  now: Date,
  options: LoadTimelinesOptions = {},
): Promise<Map<string, LoadedTimeline>> {
  const result = new Map<string, LoadedTimeline>();
  if (athleteIds.length === 0) return result;
  const inOrg = (t: { organisationId: AnyPgColumn }) => eq(t.organisationId, organisationId);
  const adjunctsFrom = engineReadWindow(null, now).adjunctsFrom;

  const [profiles, plans, memberships, reviews, firstVisaH, latestVisaH, gait, capacity, adjuncts] = await Promise.all([
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
      .select({ athleteId: athleteProfiles.id, squadId: squadMemberships.squadId })
      .from(squadMemberships)
      .innerJoin(athleteProfiles, eq(athleteProfiles.userId, squadMemberships.userId))
      .where(and(eq(squadMemberships.organisationId, organisationId), inArray(athleteProfiles.id, athleteIds))),
    // Only the latest review of each rule counts (it restarts that rule's clock).
    db
      .selectDistinctOn([clinicianReviews.athleteId, clinicianReviews.ruleId])
      .from(clinicianReviews)
      .where(and(inOrg(clinicianReviews), inArray(clinicianReviews.athleteId, athleteIds), lte(clinicianReviews.at, now)))
      .orderBy(clinicianReviews.athleteId, clinicianReviews.ruleId, desc(clinicianReviews.at), desc(clinicianReviews.id)),
    // VISA-H: the first (the baseline when the plan records none) and the latest, never a withdrawn one.
    db
      .selectDistinctOn([visaHResponses.athleteId])
      .from(visaHResponses)
      .where(and(inOrg(visaHResponses), inArray(visaHResponses.athleteId, athleteIds), isNull(visaHResponses.withdrawnAt), lte(visaHResponses.at, now)))
      .orderBy(visaHResponses.athleteId, asc(visaHResponses.at), asc(visaHResponses.id)),
    db
      .selectDistinctOn([visaHResponses.athleteId])
      .from(visaHResponses)
      .where(and(inOrg(visaHResponses), inArray(visaHResponses.athleteId, athleteIds), isNull(visaHResponses.withdrawnAt), lte(visaHResponses.at, now)))
      .orderBy(visaHResponses.athleteId, desc(visaHResponses.at), desc(visaHResponses.id)),
    db
      .selectDistinctOn([gaitAssessments.athleteId])
      .from(gaitAssessments)
      .where(and(inOrg(gaitAssessments), inArray(gaitAssessments.athleteId, athleteIds), lte(gaitAssessments.at, now), isNull(gaitAssessments.deletedAt)))
      .orderBy(gaitAssessments.athleteId, desc(gaitAssessments.at), desc(gaitAssessments.id)),
    db
      .selectDistinctOn([capacityTests.athleteId, capacityTests.kind])
      .from(capacityTests)
      .where(and(inOrg(capacityTests), inArray(capacityTests.athleteId, athleteIds), lte(capacityTests.at, now)))
      .orderBy(capacityTests.athleteId, capacityTests.kind, desc(capacityTests.at), desc(capacityTests.id)),
    // Recent adjuncts, and any older one still without restrictions (R22's pause).
    db
      .select()
      .from(adjunctTreatments)
      .where(
        and(
          inOrg(adjunctTreatments),
          inArray(adjunctTreatments.athleteId, athleteIds),
          isNull(adjunctTreatments.deletedAt),
          or(gte(adjunctTreatments.at, adjunctsFrom), sql`coalesce(btrim(${adjunctTreatments.restrictions}), '') = ''`),
        ),
      ),
  ]);

  // Each athlete's window follows their plan (its thresholds and phase start).
  const plansBy = new Map<string, Plan | UnreadableRecord>();
  for (const row of plans) {
    try {
      plansBy.set(row.athleteId, toPlan(row));
    } catch (error) {
      if (!(error instanceof UnreadableRecord)) throw error;
      plansBy.set(row.athleteId, error);
    }
  }
  const present = profiles.map((p) => p.id);
  const windows = new Map(
    present.map((id) => {
      const plan = plansBy.get(id);
      return [id, engineReadWindow(plan instanceof UnreadableRecord ? null : (plan ?? null), now)] as const;
    }),
  );
  // Athletes whose windows start on the same day share one index range condition (a window
  // widened to the start of its UTC day loads a few hours more, never less).
  const byDay = (from: (w: EngineReadWindow) => Date) => {
    const groups = new Map<number, string[]>();
    for (const [id, w] of windows) {
      const day = Math.floor(from(w).getTime() / DAY_MS) * DAY_MS;
      groups.set(day, [...(groups.get(day) ?? []), id]);
    }
    return [...groups];
  };
  const squadIds = [...new Set(memberships.map((m) => m.squadId))];
  const planned = engineReadWindow(null, now);
  const sessionWindows = byDay((w) => w.sessionsFrom);
  const checkInWindows = byDay((w) => w.checkInsFrom);

  const visaHFrom = new Date(Math.min(...[...windows.values()].map((w) => w.visaHFrom.getTime())));

  const windowedReads = Promise.all([
    present.length === 0
      ? []
      : db
          .select()
          .from(sessionLogs)
          .where(
            and(
              inOrg(sessionLogs),
              isNull(sessionLogs.deletedAt),
              or(...sessionWindows.map(([day, ids]) => and(inArray(sessionLogs.athleteId, ids), gte(sessionLogs.at, new Date(day))))),
            ),
          ),
    present.length === 0
      ? []
      : db
          .select()
          .from(morningCheckIns)
          .where(
            and(
              inOrg(morningCheckIns),
              isNull(morningCheckIns.deletedAt),
              or(
                ...checkInWindows.map(([day, ids]) => and(inArray(morningCheckIns.athleteId, ids), gte(morningCheckIns.at, new Date(day)))),
                // R20 reads red flags since their last review, however old.
                and(inArray(morningCheckIns.athleteId, present), sql`cardinality(${morningCheckIns.redFlags}) > 0`),
              ),
            ),
          ),
    squadIds.length === 0
      ? []
      : db
          .select()
          .from(squadSessions)
          .where(
            and(
              inOrg(squadSessions),
              inArray(squadSessions.squadId, squadIds),
              // Plain Date parameters: wrapped in sql`` postgres-js receives them untyped and fails.
              gte(squadSessions.at, planned.plannedFrom),
              lte(squadSessions.at, planned.plannedTo),
            ),
          ),
    // VISA-H answers of the compliance period and one reminder interval before it.
    present.length === 0
      ? []
      : db
          .select()
          .from(visaHResponses)
          .where(
            and(
              inOrg(visaHResponses),
              inArray(visaHResponses.athleteId, present),
              isNull(visaHResponses.withdrawnAt),
              gte(visaHResponses.at, visaHFrom),
              lte(visaHResponses.at, now),
            ),
          ),
  ]);
  const alongside = options.alongsideWindowedReads?.(
    new Map(present.map((id) => {
      const plan = plansBy.get(id);
      return [id, plan instanceof UnreadableRecord ? null : (plan ?? null)] as const;
    })),
  );
  const [[sessions, checkIns, squadPlanned, recentVisaH]] = await Promise.all([windowedReads, alongside]);

  const sessionsBy = groupBy(sessions, (r) => r.athleteId);
  const checkInsBy = groupBy(checkIns, (r) => r.athleteId);
  const visaHBy = groupBy(
    [...firstVisaH, ...latestVisaH, ...recentVisaH.filter((r) => r.at.getTime() >= (windows.get(r.athleteId)?.visaHFrom.getTime() ?? 0))],
    (r) => r.athleteId,
  );
  const gaitBy = groupBy(gait, (r) => r.athleteId);
  const adjunctsBy = groupBy(adjuncts, (r) => r.athleteId);
  const capacityBy = groupBy(capacity, (r) => r.athleteId);
  const reviewsBy = groupBy(reviews, (r) => r.athleteId);
  const squadsBy = groupBy(memberships, (r) => r.athleteId);
  const plannedBySquad = groupBy(squadPlanned, (r) => r.squadId);

  for (const profile of profiles) {
    const id = profile.id;
    try {
      const plan = plansBy.get(id);
      if (plan instanceof UnreadableRecord) throw plan;
      const athleteSquads = (squadsBy.get(id) ?? []).map((m) => m.squadId);
      // The first, the latest and the recent VISA-H answers overlap: one row each.
      const visaH = [...new Map((visaHBy.get(id) ?? []).map((v) => [v.id, v])).values()];
      const timeline: AthleteTimeline = {
        athlete: {
          id,
          birthYear: profile.birthYear,
          sex: profile.sex,
          sport: profile.eventOrSport,
          squadIds: athleteSquads,
          preInjuryWeeklyKm: profile.preInjuryWeeklyKm,
          previousHamstringInjury: profile.previousHamstringInjury,
          conditions: knownList<ModifyingCondition>("athlete", id, conditionSet, profile.conditions),
          bmi: orNone(profile.bmi),
          usualCadenceSpm: orNone(profile.usualCadenceSpm),
          joinedAt: profile.createdAt,
        },
        plan: plan ?? null,
        sessions: (sessionsBy.get(id) ?? []).map(toLoggedSession),
        checkIns: (checkInsBy.get(id) ?? []).map(toCheckIn),
        visaH: visaH.map(toVisaH),
        gaitAssessments: (gaitBy.get(id) ?? []).map(toGait),
        adjuncts: (adjunctsBy.get(id) ?? []).map((a) => ({
          id: a.id,
          at: a.at,
          kind: known<AdjunctTreatmentKind>("adjunct", a.id, adjunctKindSet, a.kind),
          side: orNone(a.side),
          parameters: textOrNone(a.parameters),
          provider: textOrNone(a.provider),
          restrictions: orNone(a.restrictions),
        })),
        capacityTests: (capacityBy.get(id) ?? []).map(toCapacityTest),
        squadSessions: athleteSquads.flatMap((squadId) =>
          (plannedBySquad.get(squadId) ?? []).map((s) => ({
            id: s.id,
            at: s.at,
            squadId: s.squadId,
            kind: known<SquadSessionKind>("squad session", s.id, squadSessionKindSet, s.kind),
            notes: textOrNone(s.notes),
          })),
        ),
        reviews: (reviewsBy.get(id) ?? []).map((r) => ({
          id: r.id,
          at: r.at,
          ruleId: known<RuleId>("review", r.id, ruleIdSet, r.ruleId),
          reviewerId: r.reviewerId,
          note: textOrNone(r.note),
        })),
      };
      result.set(id, { ok: true, timeline, timeZone: profile.timeZone });
    } catch (error) {
      if (!(error instanceof UnreadableRecord)) throw error;
      result.set(id, { ok: false, problem: error.message, timeZone: profile.timeZone });
    }
  }
  return result;
}
