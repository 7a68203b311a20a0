import type { IsoWeekday } from "./calendar";
import type { Compliance } from "./compliance";
import type { PreflightResult } from "./preflight";
import type { Assessment, Flag, GaitSummary, SessionOutcome, Workload } from "./types";
import type { Availability, Phase, RuleId, Severity, Zone } from "./vocabulary";

/**
 * What a coach may see of an assessment (clinical-model.md, "Who sees what"): availability, phase, session
 * outcomes, flags with their sentences, loads and gait. Not clinical notes, diagnosis detail,
 * adjunct treatments, questionnaire answers, exit-criteria evidence or red-flag answers.
 * The API sends coaches this projection only, never the assessment itself.
 */

/** The sentence a coach sees for an escalation (R20): no red-flag answer, no urgency detail. */
export const MEDICAL_REVIEW_MESSAGE = "Medical review needed: no training until the athlete has been reviewed.";

/**
 * R22 flags name the adjunct treatment ("after the PRP injection ..."), which is clinical
 * detail; coaches learn only that the physio holds progression.
 */
const ADJUNCT_HOLD_MESSAGE = "Progression is on hold until the physio has reviewed the plan.";

/** A flag as a coach sees it: no evidence, and clinical sentences replaced. */
export interface CoachFlag {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  at: Date;
  blocksProgression: boolean;
  /** True for an escalation: the coach sees "medical review needed" and nothing more. */
  medicalReview: boolean;
}

/** The fields of a flag (or a stored alert) the coach-safe sentence depends on. */
export interface FlagLike {
  ruleId: string;
  severity: Severity;
  message: string;
  sensitive: boolean;
}

/**
 * The sentence a coach may read for a flag or alert, or null when the coach must not see the
 * flag at all (sensitive information-only flags: R21 conditions or BMI are for the physio).
 */
export function coachSafeMessage(flag: FlagLike): { message: string; medicalReview: boolean } | null {
  if (flag.ruleId === "R20" || flag.severity === "escalate") return { message: MEDICAL_REVIEW_MESSAGE, medicalReview: true };
  if (flag.sensitive) return null;
  if (flag.ruleId === "R22") return { message: ADJUNCT_HOLD_MESSAGE, medicalReview: false };
  return { message: flag.message, medicalReview: false };
}

/** One flag as a coach sees it, or null when it is for the physio only. */
export function toCoachFlag(flag: Flag): CoachFlag | null {
  const safe = coachSafeMessage(flag);
  if (!safe) return null;
  return {
    ruleId: flag.ruleId,
    severity: flag.severity,
    message: safe.message,
    at: flag.at,
    blocksProgression: flag.blocksProgression,
    medicalReview: safe.medicalReview,
  };
}

export type CoachOutcome = Pick<SessionOutcome, "sessionId" | "at" | "zone" | "decision" | "pending" | "incomplete">;

export type CoachWorkload = Pick<Workload, "weeklyVolume" | "singleRun" | "acuteLoad" | "chronicWeeklyLoad" | "acwr" | "acwrZone" | "acwrSummary">;

/** An assessment as a coach sees it. */
export interface CoachAssessment {
  athleteId: string;
  evaluatedAt: Date;
  phase: Phase | null;
  inRehab: boolean;
  availability: Availability;
  /** Worst severity among the flags the coach sees. */
  worstSeverity: Severity | null;
  flags: CoachFlag[];
  /** True when an escalation is open: the board shows "medical review needed". */
  medicalReviewNeeded: boolean;
  latestOutcome: CoachOutcome | null;
  progression: { blocked: boolean; reasons: { ruleId: RuleId; message: string }[] };
  /** Next allowed high-tendon-load start (R7), shown to everyone. */
  nextHighLoadAt: Date | null;
  workload: CoachWorkload;
  gait: GaitSummary | null;
  /** The pain zone bands in use (R1/R2), so charts shade the same zones the rules use. */
  painBands: { greenMax: number; amberMax: number };
  /** R10's weekly growth limit in force (per cent, the plan's or the club's), for the weekly chart's line. */
  weeklyGreenMaxPct: number;
  /** The zone, locale and week start the assessment's days and sentences use; screens format its dates with it. */
  calendar: { timeZone: string; locale: string; weekStartsOn: IsoWeekday };
  /** Logging compliance: whether things were logged, never what (no answers, no pain). */
  compliance: Compliance;
}

const severityOrder: readonly Severity[] = ["info", "amber", "red", "escalate"];

/** Project an assessment onto what a coach may see. */
export function toCoachAssessment(assessment: Assessment): CoachAssessment {
  const flags = assessment.flags.map(toCoachFlag).filter((f): f is CoachFlag => f !== null);
  const worst = flags.reduce<Severity | null>(
    (acc, f) => (acc === null || severityOrder.indexOf(f.severity) > severityOrder.indexOf(acc) ? f.severity : acc),
    null,
  );
  const outcome = assessment.latestOutcome;
  const { weeklyVolume, singleRun, acuteLoad, chronicWeeklyLoad, acwr, acwrZone, acwrSummary } = assessment.workload;
  return {
    athleteId: assessment.athleteId,
    evaluatedAt: assessment.evaluatedAt,
    phase: assessment.phase,
    inRehab: assessment.inRehab,
    availability: assessment.availability,
    worstSeverity: worst,
    flags,
    medicalReviewNeeded: flags.some((f) => f.medicalReview),
    latestOutcome: outcome
      ? { sessionId: outcome.sessionId, at: outcome.at, zone: outcome.zone, decision: outcome.decision, pending: outcome.pending, incomplete: outcome.incomplete }
      : null,
    progression: {
      blocked: assessment.progression.blocked,
      // A block reason repeats its flag's sentence, so it is made coach-safe the same way.
      reasons: assessment.progression.reasons.map((r) => ({
        ruleId: r.ruleId,
        message: r.ruleId === "R20" ? MEDICAL_REVIEW_MESSAGE : r.ruleId === "R22" ? ADJUNCT_HOLD_MESSAGE : r.message,
      })),
    },
    nextHighLoadAt: assessment.nextHighLoadAt,
    workload: { weeklyVolume, singleRun, acuteLoad, chronicWeeklyLoad, acwr, acwrZone, acwrSummary },
    gait: assessment.gait,
    painBands: { ...assessment.thresholds.pain[assessment.thresholds.pain.profile] },
    weeklyGreenMaxPct: assessment.thresholds.volume.weeklyGreenMaxPct,
    calendar: { timeZone: assessment.calendar.timeZone, locale: assessment.calendar.locale, weekStartsOn: assessment.calendar.weekStartsOn },
    compliance: assessment.compliance,
  };
}

/** A pre-flight result as a coach sees it: the R20 reason says "medical review needed" only. */
export function toCoachPreflight(result: PreflightResult): PreflightResult {
  return {
    verdict: result.verdict,
    reasons: result.reasons.map((r) => (r.ruleId === "R20" ? { ...r, message: MEDICAL_REVIEW_MESSAGE } : r)),
  };
}

const zoneWords: Readonly<Record<Zone, string>> = { green: "Green", amber: "Amber", red: "Red" };

/**
 * How a session outcome reads on the board, Today and the overview: its tone (a zone, or
 * "incomplete" when a morning check-in is missing and the known parts were green, so it must
 * not look green) and a short label.
 */
export function outcomeBadge(outcome: Pick<SessionOutcome, "zone" | "pending" | "incomplete">): { tone: Zone | "incomplete"; label: string } {
  if (outcome.pending) return { tone: outcome.zone, label: `${zoneWords[outcome.zone]} (next morning pending)` };
  if (outcome.incomplete && outcome.zone === "green") return { tone: "incomplete", label: "Incomplete: log your morning pain" };
  return { tone: outcome.zone, label: outcome.incomplete ? `${zoneWords[outcome.zone]} (a morning is missing)` : zoneWords[outcome.zone] };
}

/** What R10 compared this week with, as a short badge suffix ("vs last week"). */
export const weeklyComparedWithWords: Readonly<Record<NonNullable<Workload["weeklyVolume"]["comparedWith"]>, string>> = {
  previous_week: "vs last week",
  last_week_with_running: "vs 2 weeks ago (last week had no running)",
  four_week_mean: "vs the 4-week average (after a break)",
};
