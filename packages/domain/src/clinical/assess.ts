import { deriveAvailability } from "./availability";
import type { Calendar } from "./calendar";
import type { ThresholdOverrides } from "./config";
import type { AssessmentContext } from "./context";
import { prepareContext, sessionsBetween } from "./context";
import { evaluateExitCriteria } from "./exit-criteria";
import { compareFlags, worstSeverityOf } from "./flags";
import { cadenceHint, gaitCatalogue } from "./gait";
import { adjunctFlags, modifierFlags, notProgressingFlags, redFlagFlags } from "./rules/escalation";
import { computeOutcomes, loadTestFlags, morningTrend, outcomeFlags, painResponseFlags, redOutcomeHold, trendFlags } from "./rules/pain";
import { phaseGateFlags, progressionChecks, sittingFlags, stretchingFlags } from "./rules/progression";
import { heavyStrengthFlags, highLoadSpacing, spacingFlags } from "./rules/spacing";
import { volumeFlags, workloadSummary } from "./rules/volume";
import type { AthleteTimeline } from "./schemas/timeline";
import { DAY_MS, compareRecords, latestRecord } from "./time";
import type { Assessment, BlockReason, Flag, GaitSummary, VisaHSummary } from "./types";
import { scoreVisaH, visaHChange } from "./visa-h";
import { ENGINE_VERSION } from "./version";
import { computeCompliance } from "./compliance";

/**
 * Assesses one athlete at one point in time: the single entry point of the rules engine.
 *
 * Records dated after `evaluatedAt` are ignored (they describe the future); records may come
 * in any order. The timeline is expected to be valid: parse raw input with
 * `parseAthleteTimeline` (or `athleteTimelineSchemaAt`) first.
 *
 * Athletes without a plan (`timeline.plan` null: healthy squad members, not in rehab) are
 * assessed too, with the default thresholds. Rules that need no phase still apply: pain
 * monitoring R1-R6, R8 (more than 3 a week, 48 h gap), volume and workload R10-R13, R18, R20 red
 * flags (escalate) and R21 modifiers. Phase-bound rules do not: R7 spacing (`nextHighLoadAt`
 * null), R8 "fewer than 2" and R9, R14/R15, R16 phase gates, R17, R19, the R22 injection pause;
 * `phase` is null, `inRehab` false, the exit checklist empty. Availability follows
 * `deriveAvailability`'s no-plan mapping.
 *
 * Cost: one sort per collection, then binary-searched windows, so a year of daily logs costs a
 * few microseconds per log.
 *
 * @param timeline the athlete's plan and records
 * @param evaluatedAt the time of evaluation; the engine never reads the clock
 * @param options.calendar the club's (or athlete's) time zone, locale and week start: day
 *   boundaries and every time written in a sentence use it (default Europe/London, en-GB, Monday)
 * @param options.clubThresholds the club's engine defaults (the plan's overrides still win)
 * @returns flags (R1-R22), the latest outcome (R4), progression state, next high-load time (R7),
 *   the current phase's exit checklist, workload (R10-R13), availability, VISA-H and gait summaries
 */
export function assessAthlete(
  timeline: AthleteTimeline,
  evaluatedAt: Date,
  options: { calendar?: Partial<Calendar>; clubThresholds?: ThresholdOverrides | null } = {},
): Assessment {
  const ctx = prepareContext(timeline, evaluatedAt, options.calendar, options.clubThresholds);
  const outcomes = computeOutcomes(ctx);
  const trend = morningTrend(ctx);
  const spacing = highLoadSpacing(ctx, outcomes);
  const workload = workloadSummary(ctx);
  const progression = progressionChecks(ctx, outcomes);

  const flags: Flag[] = [
    ...painResponseFlags(ctx, outcomes),
    ...outcomeFlags(ctx, outcomes),
    ...trendFlags(ctx, trend),
    ...loadTestFlags(ctx),
    ...spacingFlags(ctx, spacing),
    ...heavyStrengthFlags(ctx),
    ...volumeFlags(ctx, workload),
    ...progression.flags,
    ...phaseGateFlags(ctx),
    ...stretchingFlags(ctx),
    ...sittingFlags(ctx),
    ...notProgressingFlags(ctx),
    ...redFlagFlags(ctx),
    ...modifierFlags(ctx),
    ...adjunctFlags(ctx),
  ].sort(compareFlags);

  const visaH = summariseVisaH(ctx);
  const latestOutcome = outcomes[outcomes.length - 1] ?? null;
  const reasons = blockReasons(flags);

  return {
    athleteId: timeline.athlete.id,
    evaluatedAt: new Date(ctx.now),
    phase: ctx.phase,
    inRehab: ctx.plan !== null,
    thresholds: ctx.thresholds,
    calendar: ctx.calendar,
    engineVersion: ENGINE_VERSION,
    flags,
    worstSeverity: worstSeverityOf(flags),
    latestOutcome,
    progression: {
      blocked: reasons.length > 0,
      reasons,
      changedVariables: progression.changedVariables,
      levelConsolidated: progression.levelConsolidated,
    },
    nextHighLoadAt: spacing.nextHighLoadAt === null ? null : new Date(spacing.nextHighLoadAt),
    exitCriteria: evaluateExitCriteria(ctx, { outcomes, trend, flags, visaH }),
    workload,
    availability: deriveAvailability(ctx.phase, flags),
    visaH,
    gait: summariseGait(ctx),
    preflight: {
      effectiveForbiddenActivities: [...ctx.forbidden].sort(),
      recentHeavySessionTimes: sessionsBetween(ctx, ctx.now - 7 * DAY_MS, ctx.now)
        .filter((s) => s.heavy)
        .map((s) => s.log.at),
      highLoadAllowed: spacing.highLoadAllowed,
      spacingHours: spacing.spacingHours,
      redOutcomeHold: redOutcomeHold(ctx, outcomes, flags),
    },
    compliance: computeCompliance({
      timeline: ctx.timeline,
      now: ctx.now,
      timeZone: ctx.calendar.timeZone,
      visaHIntervalDays: ctx.thresholds.visaH.reminderIntervalDays,
    }),
  };
}

/** One reason per blocking rule and message, in flag order. */
function blockReasons(flags: readonly Flag[]): BlockReason[] {
  const seen = new Set<string>();
  const reasons: BlockReason[] = [];
  for (const f of flags) {
    if (!f.blocksProgression) continue;
    const key = `${f.ruleId}|${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reasons.push({ ruleId: f.ruleId, message: f.message });
  }
  return reasons;
}

function summariseVisaH(ctx: AssessmentContext): VisaHSummary | null {
  const responses = ctx.timeline.visaH.filter((r) => r.at.getTime() <= ctx.now).sort(compareRecords);
  const first = responses[0];
  const latest = responses[responses.length - 1];
  if (!first || !latest) return null;
  const baseline = ctx.plan?.visaHBaseline ?? scoreVisaH(first.items);
  const { meaningfulChange, reminderIntervalDays, validityDays } = ctx.thresholds.visaH;
  const change = visaHChange(baseline, scoreVisaH(latest.items), meaningfulChange);
  const age = ctx.now - latest.at.getTime();
  const current = age <= validityDays * DAY_MS;
  const dueAt = latest.at.getTime() + Math.min(reminderIntervalDays, validityDays) * DAY_MS;
  return {
    latestTotal: change.current,
    latestAt: latest.at,
    current,
    dueAt: new Date(dueAt),
    due: !current || ctx.now >= dueAt,
    baseline,
    change: change.change,
    meaningfulImprovement: change.meaningfulImprovement,
  };
}

function summariseGait(ctx: AssessmentContext): GaitSummary | null {
  const latest = latestRecord(ctx.timeline.gaitAssessments, ctx.now);
  if (!latest) return null;
  return {
    assessmentId: latest.id,
    at: latest.at,
    faults: latest.faults.map((f) => ({ code: f.code, severity: f.severity, side: f.side, cues: gaitCatalogue[f.code].cues })),
    prescribedCues: [...latest.cuesPrescribed],
    cadenceHint:
      latest.cadenceSpm === undefined ? null : cadenceHint(latest.cadenceSpm, ctx.timeline.athlete.usualCadenceSpm, ctx.thresholds),
  };
}
