import { resolveThresholds, type ThresholdOverrides, type Thresholds } from "./config";
import type { LoggedSession, MorningCheckIn } from "./schemas/logs";
import type { VisaHResponse } from "./schemas/records";
import type { AthleteTimeline } from "./schemas/timeline";
import { DAY_MS } from "./time";
import { COMPLIANCE_MAX_DAYS } from "./compliance";
import { VISA_H_INTERVAL_RANGE } from "../club";

/**
 * What the rules engine reads, bounded. A refresh loads only these records, so its cost follows
 * the rules' windows, not the length of an athlete's history. Every window is derived from the
 * thresholds (a plan may override them), so a longer window in a plan widens what is loaded.
 * See docs/clinical-model.md "What the engine reads".
 */
export const ENGINE_READ = {
  /** Added to every window: a club's local day can start up to 14 h off UTC, and a day is never cut in half. */
  marginDays: 1,
  /**
   * Phase history (R7 green exposures, R16 "logged since the phase began", the exit criteria)
   * is read from the phase start, but at most this far back: the bound on what one refresh reads.
   * Phases 1-3 are due an R19 review after 12 weeks; phase 4 ends in discharge. A phase older
   * than this is judged on its last year.
   */
  phaseHistoryMaxDays: 365,
  /**
   * Planned squad sessions: from this many days back (the week planner's past days and the
   * longest compliance period) up to the R16 look-ahead.
   */
  plannedSessionsBackDays: COMPLIANCE_MAX_DAYS + 1,
  /** R22: adjuncts of the last 4 weeks are checked for strength work since; older ones only when their restrictions are missing. */
  adjunctWindowDays: 28,
  /**
   * R14/R15 compare a run with the last complete green run of at most this many days before it;
   * with none that recent there is no reference (the athlete is rebuilding, not stepping up).
   */
  progressionReferenceDays: 28,
  /** R4: two reds hold progression until an R4 review, for at most this many days after the later red. */
  twoRedsHoldDays: 56,
} as const;

const WEEK_DAYS = 7;

/**
 * Days of sessions back from now that the rules read without a plan's phase history: the
 * longest of the windows the rules scan, each counted from where its scan starts.
 *
 * With the default thresholds: 66 days (R15's level check: a run in the 7-day look-back, its
 * reference run up to 28 days before it, and the 30 days of runs before that reference).
 */
export function recentHistoryDays(t: Thresholds): number {
  const lookback = t.flags.lookbackDays;
  const weeks = Math.max(2, t.volume.breakMeanWeeks);
  return (
    Math.ceil(
      Math.max(
        // R11 (and R15's "green at this level"): runs of the spike look-back before a run in the look-back.
        lookback + t.volume.spikeLookbackDays,
        // R14/R15: the reference run of a run in the look-back, and the runs before the reference
        // (its 14-day rhythm, the spike look-back of "green at this level").
        lookback + ENGINE_READ.progressionReferenceDays + Math.max(2 * WEEK_DAYS, t.volume.spikeLookbackDays),
        // R10: the current week and the weeks before it, for a week ending in the look-back or a week ago (E3.3).
        Math.max(lookback, WEEK_DAYS) + (weeks + 1) * WEEK_DAYS,
        // R4: two reds within the red window, the later one within the hold period.
        ENGINE_READ.twoRedsHoldDays + t.outcome.redWindowDays,
        // R8: heavy sessions of the 7 days before each heavy session in the look-back.
        lookback + WEEK_DAYS,
        // R13: the chronic window, and the history it needs before the ratio is reported.
        t.workload.chronicDays,
        t.workload.minHistoryDays,
        // R19: symptomatic weeks against the load of as many weeks before them.
        2 * t.escalation.symptomaticWeeks * WEEK_DAYS,
        // R5: this window against the one before.
        2 * t.trend.windowDays,
        // Exit criteria: E1.1 load tests, E2.5 heavy load, E3.3 clean days with their spike look-back, E4.2 full training.
        t.exit.e1LoadTestWindowDays,
        t.exit.e2HeavyLoadWeeks * WEEK_DAYS,
        t.exit.e3CleanDays + t.volume.spikeLookbackDays,
        t.exit.e4FullTrainingWeeks * WEEK_DAYS,
      ),
    ) + ENGINE_READ.marginDays
  );
}

/** The slice of an athlete's records a refresh loads; the others are loaded whole or latest-only (see below). */
export interface EngineReadWindow {
  /** Sessions at or after this time. */
  sessionsFrom: Date;
  /** Morning check-ins at or after this time (the R3 baseline of the earliest session loaded lies before it). */
  checkInsFrom: Date;
  /** Planned squad sessions in [from, to]. */
  plannedFrom: Date;
  plannedTo: Date;
  /** Adjuncts at or after this time, plus any older one without restrictions (R22's pause). */
  adjunctsFrom: Date;
  /**
   * VISA-H answers at or after this time (besides the first and the latest): compliance reads
   * the longest period and one reminder interval before it (the club's interval at its longest,
   * or the plan's when longer).
   */
  visaHFrom: Date;
}

/**
 * The window one athlete's refresh reads at `now`. Without a plan: the recent history
 * (`recentHistoryDays`). With one: also the current phase from its start, at most
 * `phaseHistoryMaxDays` back. Check-ins start the R3 baseline look-back earlier than sessions.
 *
 * Besides the window, the rules read, whole or latest-only: red-flag check-ins (R20, since its
 * last review, so every one with a red flag), the latest clinician review per rule, the first
 * and latest VISA-H (baseline and current), the latest gait assessment, the latest capacity test
 * of each kind.
 */
export function engineReadWindow(plan: { phaseStartedAt: Date; thresholds?: ThresholdOverrides | null } | null, now: Date): EngineReadWindow {
  const t = resolveThresholds(plan?.thresholds);
  const at = now.getTime();
  let from = at - recentHistoryDays(t) * DAY_MS;
  if (plan) {
    const phaseFrom = Math.max(plan.phaseStartedAt.getTime() - ENGINE_READ.marginDays * DAY_MS, at - ENGINE_READ.phaseHistoryMaxDays * DAY_MS);
    from = Math.min(from, phaseFrom);
  }
  const checkInsFrom = from - (Math.ceil(t.nextMorning.baselineLookbackDays) + ENGINE_READ.marginDays) * DAY_MS;
  return {
    sessionsFrom: new Date(from),
    checkInsFrom: new Date(checkInsFrom),
    plannedFrom: new Date(at - ENGINE_READ.plannedSessionsBackDays * DAY_MS),
    plannedTo: new Date(at + (t.flags.plannedLookaheadDays + ENGINE_READ.marginDays) * DAY_MS),
    adjunctsFrom: new Date(at - (ENGINE_READ.adjunctWindowDays + ENGINE_READ.marginDays) * DAY_MS),
    visaHFrom: new Date(
      at - (COMPLIANCE_MAX_DAYS + Math.ceil(Math.max(t.visaH.reminderIntervalDays, VISA_H_INTERVAL_RANGE.max)) + ENGINE_READ.marginDays) * DAY_MS,
    ),
  };
}

function latestBy<T extends { at: Date; id: string }>(records: readonly T[], key: (r: T) => string, now: number): T[] {
  const latest = new Map<string, T>();
  for (const r of records) {
    const t = r.at.getTime();
    if (t > now) continue;
    const held = latest.get(key(r));
    if (!held || t > held.at.getTime() || (t === held.at.getTime() && r.id > held.id)) latest.set(key(r), r);
  }
  return [...latest.values()];
}

/**
 * A whole timeline cut to what a refresh loads at `now` (`engineReadWindow` and the
 * latest-only records): the specification the database loader follows, and what the
 * equivalence tests compare the engine's verdict on against the whole history.
 */
export function withinReadWindow(timeline: AthleteTimeline, now: Date): AthleteTimeline {
  const w = engineReadWindow(timeline.plan, now);
  const at = now.getTime();
  const visaH = timeline.visaH.filter((v) => v.at.getTime() <= at);
  const first = visaH.reduce<(typeof visaH)[number] | undefined>((a, v) => (!a || v.at.getTime() < a.at.getTime() || (v.at.getTime() === a.at.getTime() && v.id < a.id) ? v : a), undefined);
  const latest = latestBy(visaH, () => "", at);
  return {
    ...timeline,
    sessions: timeline.sessions.filter((s) => s.at.getTime() >= w.sessionsFrom.getTime()),
    checkIns: timeline.checkIns.filter((c) => c.at.getTime() >= w.checkInsFrom.getTime() || c.redFlags.length > 0),
    visaH: visaH.filter((v) => v === first || latest.includes(v) || v.at.getTime() >= w.visaHFrom.getTime()),
    gaitAssessments: latestBy(timeline.gaitAssessments, () => "", at),
    capacityTests: latestBy(timeline.capacityTests, (c) => c.kind, at),
    reviews: latestBy(timeline.reviews, (r) => r.ruleId, at),
    adjuncts: timeline.adjuncts.filter((a) => a.at.getTime() >= w.adjunctsFrom.getTime() || !a.restrictions?.trim()),
    squadSessions: timeline.squadSessions.filter((s) => s.at.getTime() >= w.plannedFrom.getTime() && s.at.getTime() <= w.plannedTo.getTime()),
  };
}

/**
 * A loaded timeline after one of its own records was written: the session or check-in `id`
 * taken out and `record` (its stored state after the write; null when deleted) put in, when the
 * window at `now` reads it (`engineReadWindow`: a check-in with a red flag always). The athlete's
 * submit loads the timeline once, before the write, and assesses both: the "before" of its
 * feedback and the "after" it stores, with no second load. A new VISA-H answer (`new_visa_h`)
 * is put in the same way.
 */
export function withRecordWritten(
  timeline: AthleteTimeline,
  now: Date,
  change:
    | { kind: "session"; id: string; record: LoggedSession | null }
    | { kind: "check_in"; id: string; record: MorningCheckIn | null }
    | { kind: "new_visa_h"; record: VisaHResponse },
): AthleteTimeline {
  const w = engineReadWindow(timeline.plan, now);
  if (change.kind === "new_visa_h") {
    // The load holds the first and the latest answers and the recent ones; a new answer can only
    // take the place of the first or the latest, so choosing again among the loaded ones and it
    // gives what a fresh load would. (A changed or withdrawn answer could uncover one the load
    // left out: those are re-assessed from a fresh load.)
    const visaH = [...timeline.visaH.filter((v) => v.id !== change.record.id), change.record];
    return { ...timeline, visaH: withinReadWindow({ ...timeline, visaH }, now).visaH };
  }
  if (change.kind === "session") {
    const sessions = timeline.sessions.filter((s) => s.id !== change.id);
    if (change.record && change.record.at.getTime() >= w.sessionsFrom.getTime()) sessions.push(change.record);
    return { ...timeline, sessions };
  }
  const checkIns = timeline.checkIns.filter((c) => c.id !== change.id);
  if (change.record && (change.record.at.getTime() >= w.checkInsFrom.getTime() || change.record.redFlags.length > 0)) checkIns.push(change.record);
  return { ...timeline, checkIns };
}
