import type { Calendar } from "./calendar";
import type { Thresholds } from "./config";
import type { Compliance } from "./compliance";
import type {
  ActivityKind,
  Availability,
  ExitCriterionId,
  GaitFaultCode,
  Phase,
  RuleId,
  Severity,
  Zone,
} from "./vocabulary";

/** A value recorded as evidence for a flag or criterion. */
export type EvidenceValue = number | string | boolean | null;

/** Which records and which numbers a flag or criterion rests on. */
export interface Evidence {
  /** Ids of the logs, check-ins, tests or planned sessions involved. */
  recordIds: string[];
  /** The numbers (and a few labels) the rule compared. */
  values: Record<string, EvidenceValue>;
}

/** One rule that fired. */
export interface Flag {
  ruleId: RuleId;
  severity: Severity;
  /** One plain-language sentence for a coach or athlete; the UI shows it verbatim. */
  message: string;
  evidence: Evidence;
  /** True when this flag on its own stops progression until the load is repeated or reviewed. */
  blocksProgression: boolean;
  /** Time of the record that triggered the flag. */
  at: Date;
  /**
   * True when the evidence holds clinical detail a coach must not see (red-flag answers):
   * the API shows coaches the message only.
   */
  sensitive: boolean;
  /**
   * What the condition is about when its records do not say it alone (see `alertIdentity`):
   * e.g. "two_reds:<review time>" for R4's block, "pause:<adjunct id>" for R22. Absent: the
   * records are the cause.
   */
  cause?: string;
}

/**
 * R4 decision for the next session. "incomplete": the known components were green but a
 * morning check-in needed for R3 is missing, so the outcome cannot say "progress".
 */
export type OutcomeDecision = "progress" | "repeat" | "regress" | "incomplete";

/** The outcome of one session (R1-R4). */
export interface SessionOutcome {
  sessionId: string;
  at: Date;
  /** Worst of the known components. */
  zone: Zone;
  decision: OutcomeDecision;
  /** True while the next-morning check-in (R3) can still arrive and change the zone. */
  pending: boolean;
  during: Zone;
  after: Zone | null;
  /**
   * R3 zone: from the rise over the baseline; without a baseline, amber when the next-morning
   * pain itself is above the acceptable level; null when it cannot be judged.
   */
  nextMorning: Zone | null;
  /** Next-morning pain minus the baseline; null without both. */
  nextMorningDelta: number | null;
  /** The next-morning pain itself; null when not logged. */
  nextMorningPain: number | null;
  /** Time of the morning used as the baseline (the morning before, or the latest within the look-back); null when none. */
  baselineAt: Date | null;
  /** True when R3 lacks a morning (no baseline in the look-back, or no next morning once its window has passed). */
  incomplete: boolean;
  /** What to log to complete the outcome, in plain words; null when complete. */
  missingData: string | null;
}

/** Why progression is blocked. */
export interface BlockReason {
  ruleId: RuleId;
  message: string;
}

/** Status of one exit criterion. */
export type CriterionStatus = "met" | "not_met" | "unknown";

export interface ExitCriterionResult {
  id: ExitCriterionId;
  /** The criterion in plain words. */
  description: string;
  /** `unknown`: nothing to judge yet; `not_met` only on evidence. */
  status: CriterionStatus;
  evidence: Evidence;
  /** For an unknown criterion: the record that would settle it, in words; null otherwise. */
  dataNeeded: string | null;
}

/** Weekly running volume (R10). */
export interface WeeklyVolume {
  /** `km` when every run in the two weeks has a distance, else `minutes`. */
  unit: "km" | "minutes";
  current: number;
  /** The 7 days before the current week. */
  previous: number;
  /** The amount this week was compared with (see `comparedWith`); 0 when none. */
  reference: number;
  /**
   * What the week was compared with: the previous week; after one empty week, the week before
   * it; after two or more, the mean of the last 4 weeks; null when none of them had running.
   */
  comparedWith: "previous_week" | "last_week_with_running" | "four_week_mean" | null;
  /** null when there is nothing to compare with. */
  changePct: number | null;
  zone: Zone | null;
}

/** Single-run spike check of the latest run (R11). */
export interface SingleRunSpike {
  sessionId: string;
  unit: "km" | "minutes";
  value: number;
  /** Longest comparable run in the look-back window before it; null when none. */
  longestRecent: number | null;
  /** % longer than the longest recent run; null when none. */
  increasePct: number | null;
  zone: Zone | null;
}

export interface SessionLoad {
  sessionId: string;
  at: Date;
  /** RPE x minutes (R12); null when RPE or minutes were not logged. */
  load: number | null;
}

export interface Workload {
  weeklyVolume: WeeklyVolume;
  singleRun: SingleRunSpike | null;
  /** Session loads of the chronic window (R12), oldest first. */
  sessionLoads: SessionLoad[];
  acuteLoad: number;
  chronicWeeklyLoad: number;
  /** Acute:chronic ratio (R13); null without chronic load or with under 3 weeks of history. Information only. */
  acwr: number | null;
  acwrZone: Zone | null;
  /** R13 in one plain sentence (also when the ratio is not reported, saying why). */
  acwrSummary: string;
}

/** Progression variables of R14. */
export type ProgressionVariable = "volume" | "pace" | "gradient" | "strides_or_sprints" | "frequency" | "surface";

export interface ProgressionState {
  /** True when any rule blocks progression (R4, R5, R10/R11 red, R20, R22). */
  blocked: boolean;
  reasons: BlockReason[];
  /** Variables the latest run changed compared with the last green run (R14). */
  changedVariables: ProgressionVariable[];
  /** Whether the current running level has been done the required times with green outcomes (R15). */
  levelConsolidated: boolean | null;
}

export interface VisaHSummary {
  latestTotal: number;
  latestAt: Date;
  /** True while the latest questionnaire is within its validity for exit criteria (default 28 days). */
  current: boolean;
  /** When the next questionnaire is due (the latest + the reminder interval, default 14 days). */
  dueAt: Date;
  /** True when a questionnaire is due now (reminder passed, or no longer valid). */
  due: boolean;
  baseline: number;
  change: number;
  meaningfulImprovement: boolean;
}

export interface GaitSummary {
  assessmentId: string;
  at: Date;
  faults: { code: GaitFaultCode; severity: number; side?: string | undefined; cues: readonly string[] }[];
  /** The cues the assessor chose for the athlete (from the catalogue or written); what the athlete sees. */
  prescribedCues: string[];
  cadenceHint: CadenceHintResult | null;
}

export interface CadenceHintResult {
  /** True when the cadence hints at over-striding. */
  overstrideLikely: boolean;
  message: string;
}

/** What `preflightCheck` needs from an assessment beyond the flags. */
export interface PreflightContext {
  effectiveForbiddenActivities: ActivityKind[];
  /** Starts of heavy sessions in the last 7 days (R8). */
  recentHeavySessionTimes: Date[];
  /** Whether high-tendon-load sessions are currently allowed at all (R16 for phases 1-2). */
  highLoadAllowed: boolean;
  spacingHours: number | null;
  /**
   * A red session outcome (or R4 "two reds") that still holds the athlete to easy work: not
   * yet cleared by a later complete green outcome or a physio review (R4). Null when none.
   */
  redOutcomeHold: RedOutcomeHold | null;
}

export interface RedOutcomeHold {
  /** "red_outcome": the latest red in the look-back; "two_reds": R4's double red (only a review clears it). */
  reason: "red_outcome" | "two_reds";
  sessionId: string;
  at: Date;
}

/** The result of `assessAthlete`. */
export interface Assessment {
  athleteId: string;
  evaluatedAt: Date;
  /** The current rehab phase, or null when the athlete has no plan (not in rehab). */
  phase: Phase | null;
  /** True when the athlete has a rehab plan; false for a healthy athlete (phase null). */
  inRehab: boolean;
  thresholds: Thresholds;
  /** Zone, locale and week start the assessment's days and sentences use. */
  calendar: Calendar;
  /** The engine version that computed it; a stored assessment of another version is recomputed. */
  engineVersion: string;
  /** Every rule that fires, ordered by rule id, then time. */
  flags: Flag[];
  /** Worst severity among the flags, or null when none fired. */
  worstSeverity: Severity | null;
  latestOutcome: SessionOutcome | null;
  progression: ProgressionState;
  /** Earliest start of the next high-tendon-load session (R7), or null when none is restricted (phase 4, no plan). */
  nextHighLoadAt: Date | null;
  /** The current phase's exit checklist; empty without a plan. */
  exitCriteria: ExitCriterionResult[];
  workload: Workload;
  availability: Availability;
  visaH: VisaHSummary | null;
  gait: GaitSummary | null;
  preflight: PreflightContext;
  /** Logging compliance over the last 7 and 28 full days (what was expected, what was done). */
  compliance: Compliance;
}
