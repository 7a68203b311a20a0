import type { Calendar } from "./calendar";
import { resolveCalendar } from "./calendar";
import type { Thresholds } from "./config";
import { resolveThresholds, type ThresholdOverrides } from "./config";
import { effectiveForbiddenActivities } from "./phases";
import type { LoggedSession, MorningCheckIn } from "./schemas/logs";
import type { Plan } from "./schemas/plan";
import type { AthleteTimeline } from "./schemas/timeline";
import { DAY_MS, compareIds, upperBound } from "./time";
import type { ActivityKind, Phase, RuleId } from "./vocabulary";
import { highTendonLoadActivities } from "./vocabulary";

/** A session with everything the rules need precomputed once. */
export interface PreparedSession {
  log: LoggedSession;
  id: string;
  t: number;
  isRun: boolean;
  /** Logged and derived activities (e.g. strides from the strides count). */
  activities: ReadonlySet<ActivityKind>;
  highLoad: boolean;
  heavy: boolean;
  distanceKm: number | undefined;
  minutes: number | undefined;
  /** Session-RPE load (R12), null when RPE or minutes are missing. */
  load: number | null;
}

export interface PreparedCheckIn {
  checkIn: MorningCheckIn;
  id: string;
  t: number;
}

/** The timeline sorted once, filtered to the evaluation time, with derived facts. */
export interface AssessmentContext {
  timeline: AthleteTimeline;
  now: number;
  thresholds: Thresholds;
  /** The club's (or athlete's) time zone, locale and week start: day boundaries and sentence times. */
  calendar: Calendar;
  /** The current rehab plan, or null when the athlete is not in rehab. */
  plan: Plan | null;
  /** The current phase, or null when the athlete is not in rehab. */
  phase: Phase | null;
  /** Start of the current phase; -Infinity without a plan (phase-relative windows then start at the first record). */
  phaseStart: number;
  /** Activities the phase gate (R16) forbids; empty without a plan. */
  forbidden: ReadonlySet<ActivityKind>;
  sessions: PreparedSession[];
  sessionTimes: number[];
  runs: PreparedSession[];
  runTimes: number[];
  checkIns: PreparedCheckIn[];
  checkInTimes: number[];
  /** Time of the latest physio review per rule id. */
  lastReviewAt: Partial<Record<RuleId, number>>;
}

const highLoadSet: ReadonlySet<ActivityKind> = new Set(highTendonLoadActivities);

/** Deterministic order: by time, then id, so input order never changes the result. */
function byTimeThenId<T extends { t: number; id: string }>(a: T, b: T): number {
  return a.t - b.t || compareIds(a.id, b.id);
}

function deriveActivities(log: LoggedSession, thresholds: Thresholds): Set<ActivityKind> {
  const activities = new Set<ActivityKind>(log.activities);
  if (log.type === "run") {
    if (log.strides > 0) activities.add("strides");
    if (log.sprints > 0) activities.add("sprint");
    if (log.steepestGradientPct !== undefined && log.steepestGradientPct > thresholds.progression.gradientPct) {
      activities.add("gentle_hills");
    }
    // A run tagged with nothing more specific is an easy run.
    const tagged = [...activities].some((a) => highLoadSet.has(a));
    if (!tagged) activities.add("easy_run");
  } else if (log.type === "field" && activities.size === 0) {
    activities.add("field_drills");
  }
  if (log.heavy) activities.add("heavy_gym");
  return activities;
}

/**
 * Builds the assessment context: resolves thresholds, drops records after `now`, sorts every
 * collection once and precomputes derived facts, so every rule afterwards is a windowed scan.
 */
export function prepareContext(
  timeline: AthleteTimeline,
  evaluatedAt: Date,
  calendar?: Partial<Calendar>,
  clubThresholds?: ThresholdOverrides | null,
): AssessmentContext {
  const now = evaluatedAt.getTime();
  const plan = timeline.plan;
  // No plan (not in rehab): the club's defaults over the engine's.
  const thresholds = resolveThresholds(plan?.thresholds, clubThresholds);

  const sessions: PreparedSession[] = [];
  for (const log of timeline.sessions) {
    const t = log.at.getTime();
    if (t > now) continue;
    const activities = deriveActivities(log, thresholds);
    const isRun = log.type === "run";
    const minutes = log.minutes;
    sessions.push({
      log,
      id: log.id,
      t,
      isRun,
      activities,
      highLoad: isRun || log.type === "field" || [...activities].some((a) => highLoadSet.has(a)),
      heavy: log.heavy,
      distanceKm: log.type === "run" ? log.distanceKm : undefined,
      minutes,
      load: log.rpe !== undefined && minutes !== undefined ? log.rpe * minutes : null,
    });
  }
  sessions.sort(byTimeThenId);
  const runs = sessions.filter((s) => s.isRun);

  const checkIns: PreparedCheckIn[] = [];
  for (const checkIn of timeline.checkIns) {
    const t = checkIn.at.getTime();
    if (t <= now) checkIns.push({ checkIn, id: checkIn.id, t });
  }
  checkIns.sort(byTimeThenId);

  const lastReviewAt: Partial<Record<RuleId, number>> = {};
  for (const review of timeline.reviews) {
    const t = review.at.getTime();
    if (t > now) continue;
    const previous = lastReviewAt[review.ruleId];
    if (previous === undefined || t > previous) lastReviewAt[review.ruleId] = t;
  }

  return {
    timeline,
    now,
    thresholds,
    calendar: resolveCalendar(calendar),
    plan,
    phase: plan === null ? null : plan.phase,
    phaseStart: plan === null ? Number.NEGATIVE_INFINITY : plan.phaseStartedAt.getTime(),
    forbidden: new Set(plan === null ? [] : effectiveForbiddenActivities(plan)),
    sessions,
    sessionTimes: sessions.map((s) => s.t),
    runs,
    runTimes: runs.map((s) => s.t),
    checkIns,
    checkInTimes: checkIns.map((c) => c.t),
    lastReviewAt,
  };
}

/** Sessions with start in (from, to]. */
export function sessionsBetween(ctx: AssessmentContext, from: number, to: number): PreparedSession[] {
  return ctx.sessions.slice(upperBound(ctx.sessionTimes, from), upperBound(ctx.sessionTimes, to));
}

/** Runs with start in (from, to]. */
export function runsBetween(ctx: AssessmentContext, from: number, to: number): PreparedSession[] {
  return ctx.runs.slice(upperBound(ctx.runTimes, from), upperBound(ctx.runTimes, to));
}

/** Check-ins in (from, to]. */
export function checkInsBetween(ctx: AssessmentContext, from: number, to: number): PreparedCheckIn[] {
  return ctx.checkIns.slice(upperBound(ctx.checkInTimes, from), upperBound(ctx.checkInTimes, to));
}

/** Start of the per-session flag window (records after it are reported individually). */
export function flagWindowStart(ctx: AssessmentContext): number {
  return ctx.now - ctx.thresholds.flags.lookbackDays * DAY_MS;
}

