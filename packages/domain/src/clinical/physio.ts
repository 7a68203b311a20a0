import { z } from "zod";
import { DomainError } from "../errors";
import { calendarDateInput, noteText, plainText } from "../input-primitives";
import { localDateKey } from "./calendar";
import { thresholdOverridesSchema, defaultThresholds } from "./config";
import { phaseInfo } from "./phases";
import { thresholdFieldKey, thresholdFields } from "./threshold-fields";
import { exercisePrescriptionSchema, targetEasyRunSchema } from "./schemas/plan";
import { painScore, rangedNumber } from "./schemas/fields";
import type { ExitCriterionResult, Flag } from "./types";
import { activityKinds, sides, type ActivityKind, type Phase } from "./vocabulary";
import { episodeLabels, planLabels, prescriptionLabels, provocationTestLabels } from "../field-labels";

/*
 * The physio's side of the clinical model (clinical-model.md, "Records" and "Phases"): injury episodes, the editable plan
 * body, the phase-change gate with sign-off, and a readable diff of two plan versions.
 */

export const onsetTypes = ["gradual", "sudden"] as const;
export const diagnosisMethods = ["clinical", "ultrasound", "mri"] as const;
export const suspectedTriggers = ["mileage_jump", "hills", "speed_work", "new_gym_work", "stretching", "sitting"] as const;
export type SuspectedTrigger = (typeof suspectedTriggers)[number];

export const suspectedTriggerLabels: Readonly<Record<SuspectedTrigger, string>> = {
  mileage_jump: "Mileage jump",
  hills: "Hills",
  speed_work: "Speed work",
  new_gym_work: "New gym work",
  stretching: "Stretching",
  sitting: "Sitting",
};

export const provocationTestKinds = [
  "puranen_orava",
  "bent_knee_stretch",
  "modified_bent_knee_stretch",
  "single_leg_bridge_platform",
  "arabesque",
] as const;
export type ProvocationTestKind = (typeof provocationTestKinds)[number];

/**
 * The provocation tests with their reported accuracy (Cacchio 2012), shown as information only:
 * no rule reads them. `null` where no figure is published.
 */
export const provocationTestInfo: Readonly<
  Record<ProvocationTestKind, { label: string; accuracy: { sensitivityPct: number; specificityPct: number } | null }>
> = {
  puranen_orava: { label: "Puranen-Orava", accuracy: { sensitivityPct: 76, specificityPct: 82 } },
  bent_knee_stretch: { label: "Bent-knee stretch", accuracy: { sensitivityPct: 84, specificityPct: 87 } },
  modified_bent_knee_stretch: { label: "Modified bent-knee stretch", accuracy: { sensitivityPct: 89, specificityPct: 91 } },
  single_leg_bridge_platform: { label: "Single-leg bridge on a platform", accuracy: null },
  arabesque: { label: "Arabesque", accuracy: null },
};


const E = episodeLabels;

/** The fields of an injury episode a physio enters (clinical-model.md, "Records"). */
export const episodeInputSchema = z.object({
  side: z.enum(sides, { error: `${E.side}: choose left, right or both` }),
  onsetDate: calendarDateInput(E.onsetDate),
  onsetType: z.enum(onsetTypes, { error: `${E.onsetType}: choose gradual or sudden` }),
  suspectedTriggers: z.array(z.enum(suspectedTriggers)).default([]),
  diagnosisMethod: z.enum(diagnosisMethods, { error: `${E.diagnosisMethod}: choose clinical, ultrasound or MRI` }),
  differentialsExcluded: z.array(plainText("A differential", { max: 120, min: 1 })).max(20, "List at most 20 differentials").default([]),
  owningClinicianId: z.uuid({ error: "Choose the owning clinician" }),
  clinicalNotes: noteText(E.clinicalNotes).default(""),
});
export type EpisodeInput = z.infer<typeof episodeInputSchema>;

/** The onset date check that needs a clock: never after the club's today ("YYYY-MM-DD"). */
export const onsetDateInFutureMessage = `${E.onsetDate} cannot be in the future`;

/**
 * True when an onset date lies after the club's today: the day is read in the club's zone, so a
 * club ahead of UTC may enter its today before UTC midnight and one behind UTC may not enter
 * tomorrow's date just because UTC has turned over.
 * @param onsetDate "YYYY-MM-DD"
 * @param now the request's clock
 * @param timeZone the club's zone
 */
export function onsetDateIsInFuture(onsetDate: string, now: Date, timeZone: string): boolean {
  return onsetDate > localDateKey(now.getTime(), timeZone);
}

/**
 * The episode form as the browser checks it, with today's date known, so a future onset date is
 * reported at its field together with every other error instead of after them.
 */
export function episodeInputSchemaOn(today: string) {
  return episodeInputSchema.extend({
    onsetDate: calendarDateInput(E.onsetDate).refine((day) => day <= today, onsetDateInFutureMessage),
  });
}

/** Why an episode is closed: required, a note's length. */
export const closingNoteSchema = noteText(E.closingNote, 1);

/** A provocation test result entered on an episode. */
export const provocationTestInputSchema = z.object({
  test: z.enum(provocationTestKinds, { error: `${provocationTestLabels.test}: choose one of the listed provocation tests` }),
  side: z.enum(sides, { error: `${provocationTestLabels.side}: choose left, right or both` }),
  familiarPainReproduced: z.boolean(),
  pain: painScore(provocationTestLabels.pain),
});
export type ProvocationTestInput = z.infer<typeof provocationTestInputSchema>;

/** The editable body of a plan version: everything but identity, author and phase bookkeeping. */
export const planBodySchema = z.object({
  prescriptions: z.array(exercisePrescriptionSchema).max(40, "A plan holds at most 40 prescriptions").default([]),
  allowedActivities: z.array(z.enum(activityKinds)).default([]),
  forbiddenActivities: z.array(z.enum(activityKinds)).default([]),
  thresholds: thresholdOverridesSchema.default({}),
  targetEasyRun: targetEasyRunSchema.optional(),
  returnToSportElements: z.array(z.enum(activityKinds)).default([]),
  maintenancePlan: noteText(planLabels.maintenancePlan).optional(),
  visaHBaseline: rangedNumber(planLabels.visaHBaseline, 0, 100).optional(),
  notes: noteText(planLabels.notes).optional(),
});
export type PlanBody = z.infer<typeof planBodySchema>;

/** A plan body with its phase, as the history and the diff compare them. */
export type PhasedPlanBody = PlanBody & { phase: Phase };

/**
 * The plan's explicit activity overrides for the set of activities the physio wants forbidden:
 * what the phase forbids but the physio allows, and what the physio forbids beyond the phase.
 */
export function activityOverrides(
  phase: Phase,
  forbidden: readonly ActivityKind[],
): { allowedActivities: ActivityKind[]; forbiddenActivities: ActivityKind[] } {
  const phaseDefaults = new Set<ActivityKind>(phaseInfo[phase].forbiddenActivities);
  const wanted = new Set(forbidden);
  return {
    allowedActivities: [...phaseDefaults].filter((a) => !wanted.has(a)).sort(),
    forbiddenActivities: [...wanted].filter((a) => !phaseDefaults.has(a)).sort(),
  };
}

export type PhaseChangeKind = "advance" | "advance_override" | "regress";

export interface PhaseChangeRequest {
  from: Phase;
  to: number;
  /** The engine's exit checklist for the current phase. */
  criteria: readonly Pick<ExitCriterionResult, "id" | "status">[];
  /**
   * True while an R20 red flag (escalation) is unresolved. It blocks every advance, with or
   * without an override: the physio resolves the escalation first. Moving back stays allowed.
   */
  redFlagOpen?: boolean | undefined;
  /** Why the physio advances although not every criterion is met. */
  overrideReason?: string | undefined;
  /** Why the physio moves the athlete back. */
  reason?: string | undefined;
}

export type PhaseChangeDecision = {
  to: Phase;
  /** Criteria not met when the change was made (empty unless overridden). */
  unmetCriteria: string[];
} & (
  | { kind: "advance"; reason: null }
  /** The reason recorded with an override or a regression. */
  | { kind: Exclude<PhaseChangeKind, "advance">; reason: string }
);

const invalid = (field: string, message: string) => new DomainError("invalid", message, { [field]: [message] });

/**
 * The phase gate with sign-off (clinical-model.md, "Phases"): advancing one phase needs every exit criterion met
 * or an override with a written reason, and never happens while a red flag (R20) is open; moving
 * back is always allowed with a reason.
 * @throws DomainError("invalid") naming the field when the request cannot be signed off
 */
export function decidePhaseChange(request: PhaseChangeRequest): PhaseChangeDecision {
  const { from, to } = request;
  if (!Number.isInteger(to) || to < 1 || to > 4) throw invalid("toPhase", "toPhase must be 1, 2, 3 or 4");
  if (to === from) throw invalid("toPhase", `The athlete is already in phase ${from}`);
  const target = to as Phase;
  if (to < from) {
    const reason = request.reason?.trim() ?? "";
    if (!reason) throw invalid("reason", "Give a reason for moving back a phase");
    return { kind: "regress", to: target, reason, unmetCriteria: [] };
  }
  if (to !== from + 1) throw invalid("toPhase", "Advance one phase at a time");
  if (request.redFlagOpen) {
    throw invalid("toPhase", "A red flag is still open: resolve the medical review first. No phase advance, even with an override, until then.");
  }
  const unmet = request.criteria.filter((c) => c.status !== "met").map((c) => c.id);
  if (unmet.length === 0 && request.criteria.length > 0) return { kind: "advance", to: target, reason: null, unmetCriteria: [] };
  const overrideReason = request.overrideReason?.trim() ?? "";
  if (!overrideReason) {
    throw invalid("overrideReason", `Not every exit criterion is met (${unmet.join(", ")}): write a reason to override`);
  }
  return { kind: "advance_override", to: target, reason: overrideReason, unmetCriteria: unmet };
}

/** One readable line of a plan diff. */
export interface PlanChange {
  field: string;
  /** A sentence a physio reads in the history, e.g. "Nordic curl: sets 3 -> 4". */
  summary: string;
}

const prescriptionFields = [
  "category",
  "sets",
  "reps",
  "holdSeconds",
  "intensityPct",
  "repetitionMaximum",
  "tempo",
  "sessionsPerWeek",
  "heavy",
  "highTendonLoad",
  "activity",
  "exerciseVersion",
] as const;

const show = (value: unknown): string => {
  if (value === undefined || value === null || value === "") return "none";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : "none";
};

function flattenLeaves(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flattenLeaves(inner, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out.set(prefix, value);
  }
}

function listChange(field: string, label: string, before: readonly string[], after: readonly string[]): PlanChange[] {
  const added = after.filter((a) => !before.includes(a));
  const removed = before.filter((b) => !after.includes(b));
  const changes: PlanChange[] = [];
  if (added.length > 0) changes.push({ field, summary: `${label} added: ${added.join(", ")}` });
  if (removed.length > 0) changes.push({ field, summary: `${label} removed: ${removed.join(", ")}` });
  return changes;
}

/**
 * What changed between two plan versions, in plain sentences: phase, each prescription (matched
 * by exercise), activities, threshold overrides (with the engine default when one is removed),
 * and the text fields.
 */
export function diffPlans(before: PhasedPlanBody, after: PhasedPlanBody): PlanChange[] {
  const changes: PlanChange[] = [];
  if (before.phase !== after.phase) {
    changes.push({ field: "phase", summary: `Phase ${before.phase} -> ${after.phase} (${phaseInfo[after.phase].name})` });
  }
  const beforeByExercise = new Map(before.prescriptions.map((p) => [p.exercise, p]));
  const afterByExercise = new Map(after.prescriptions.map((p) => [p.exercise, p]));
  for (const [exercise, next] of afterByExercise) {
    const previous = beforeByExercise.get(exercise);
    if (!previous) {
      changes.push({ field: "prescriptions", summary: `Added ${exercise}` });
      continue;
    }
    const edits = prescriptionFields
      .filter((key) => show(previous[key]) !== show(next[key]))
      .map((key) => `${prescriptionLabels[key].charAt(0).toLowerCase()}${prescriptionLabels[key].slice(1)} ${show(previous[key])} -> ${show(next[key])}`);
    if (edits.length > 0) changes.push({ field: "prescriptions", summary: `${exercise}: ${edits.join("; ")}` });
  }
  for (const exercise of beforeByExercise.keys()) {
    if (!afterByExercise.has(exercise)) changes.push({ field: "prescriptions", summary: `Removed ${exercise}` });
  }
  changes.push(...listChange("allowedActivities", "Allowed activities", before.allowedActivities, after.allowedActivities));
  changes.push(...listChange("forbiddenActivities", "Forbidden activities", before.forbiddenActivities, after.forbiddenActivities));
  changes.push(
    ...listChange("returnToSportElements", "Return-to-sport elements", before.returnToSportElements, after.returnToSportElements),
  );
  const beforeThresholds = new Map<string, unknown>();
  const afterThresholds = new Map<string, unknown>();
  const defaults = new Map<string, unknown>();
  flattenLeaves(before.thresholds, "", beforeThresholds);
  flattenLeaves(after.thresholds, "", afterThresholds);
  flattenLeaves(defaultThresholds, "", defaults);
  for (const key of new Set([...beforeThresholds.keys(), ...afterThresholds.keys()])) {
    const from = beforeThresholds.has(key) ? beforeThresholds.get(key) : defaults.get(key);
    const to = afterThresholds.has(key) ? afterThresholds.get(key) : defaults.get(key);
    if (show(from) !== show(to)) changes.push({ field: `thresholds.${key}`, summary: `Threshold ${thresholdLabel(key)}: ${show(from)} -> ${show(to)}` });
  }
  const texts = [
    ["notes", "Notes"],
    ["maintenancePlan", "Maintenance plan"],
  ] as const;
  for (const [key, label] of texts) {
    if ((before[key] ?? "") !== (after[key] ?? "")) changes.push({ field: key, summary: `${label} changed` });
  }
  if (show(before.targetEasyRun) !== show(after.targetEasyRun)) {
    changes.push({ field: "targetEasyRun", summary: `Target easy run: ${describeRun(before.targetEasyRun)} -> ${describeRun(after.targetEasyRun)}` });
  }
  if (before.visaHBaseline !== after.visaHBaseline) {
    changes.push({ field: "visaHBaseline", summary: `VISA-H baseline: ${show(before.visaHBaseline)} -> ${show(after.visaHBaseline)}` });
  }
  return changes;
}

/** A threshold as the plan editor names it ("High-load spacing (hours)"), the path if unknown. */
function thresholdLabel(key: string): string {
  const field = thresholdFields.find((f) => thresholdFieldKey(f.path) === key);
  if (!field) return key;
  return field.kind === "number" && field.unit ? `${field.label} (${field.unit})` : field.label;
}

function describeRun(run: PlanBody["targetEasyRun"]): string {
  if (!run) return "none";
  return [run.distanceKm !== undefined ? `${run.distanceKm} km` : null, run.minutes !== undefined ? `${run.minutes} min` : null]
    .filter(Boolean)
    .join(" / ");
}

/**
 * What a role may see of the clinical record (clinical-model.md, "Who sees what"): physios everything of their
 * organisation, athletes their own record, coaches only the non-clinical summary (phase,
 * availability, flags as plain sentences, "medical review needed").
 */
export function seesClinicalDetail(role: "coach" | "physio" | "athlete", isOwnRecord: boolean): boolean {
  if (role === "physio") return true;
  if (role === "athlete") return isOwnRecord;
  return false;
}

/** How far back a first plan's phase start may be entered (the engine reads about a year of history). */
export const MAX_PHASE_BACKDATE_DAYS = 365;

/**
 * The start of the phase of a first plan, when the athlete was already in that phase before the
 * club kept their records here: the physio enters when it began, so the phase's exit criteria
 * count the sessions logged since (with their real dates). Never in the future, never before the
 * episode's onset day, at most a year back.
 * @throws DomainError("invalid") naming `phaseStartedAt`
 */
export function assertPhaseStart(phaseStartedAt: Date, now: Date, onsetDate: string): void {
  const fail = (message: string) => {
    throw invalid("phaseStartedAt", message);
  };
  if (phaseStartedAt.getTime() > now.getTime() + 60_000) fail("phaseStartedAt cannot be in the future");
  if (phaseStartedAt.getTime() < now.getTime() - MAX_PHASE_BACKDATE_DAYS * 86_400_000) fail(`phaseStartedAt must be within the last ${MAX_PHASE_BACKDATE_DAYS} days`);
  // The onset is a calendar day with no zone: a start up to a day before its UTC midnight still falls on it somewhere.
  if (phaseStartedAt.getTime() < Date.parse(`${onsetDate}T00:00:00Z`) - 86_400_000) fail(`phaseStartedAt cannot be before the episode's onset (${onsetDate})`);
}

export interface DischargeDecision {
  kind: "discharge" | "discharge_override";
  /** The closing note recorded with the episode. */
  note: string;
  unmetCriteria: string[];
}

/**
 * Discharge from phase 4 with sign-off: every discharge criterion (E4.1-E4.4)
 * met, or an override with a written reason; never while a red flag (R20) is open.
 * @throws DomainError("invalid") naming the field when the discharge cannot be signed off
 */
export function decideDischarge(request: {
  phase: Phase;
  criteria: readonly Pick<ExitCriterionResult, "id" | "status">[];
  redFlagOpen: boolean;
  note?: string | undefined;
  overrideReason?: string | undefined;
}): DischargeDecision {
  if (request.phase !== 4) throw invalid("phase", `Discharge is from phase 4: the athlete is in phase ${request.phase}. Advance through the phases first.`);
  if (request.redFlagOpen) throw invalid("overrideReason", "A red flag is still open: resolve the medical review before discharge.");
  const note = request.note?.trim() ?? "";
  const unmet = request.criteria.filter((c) => c.status !== "met").map((c) => c.id);
  if (unmet.length === 0 && request.criteria.length > 0) {
    return { kind: "discharge", note: `Discharged: every discharge criterion met (${request.criteria.map((c) => c.id).join(", ")})${note ? `. ${note}` : ""}`, unmetCriteria: [] };
  }
  const reason = request.overrideReason?.trim() ?? "";
  if (!reason) throw invalid("overrideReason", `Not every discharge criterion is met (${unmet.join(", ")}): write a reason to override`);
  return { kind: "discharge_override", note: `Discharged with override (${unmet.join(", ")} not met): ${reason}${note ? `. ${note}` : ""}`, unmetCriteria: unmet };
}

/** Whether an unresolved red flag (R20, an escalation) is among these flags: it blocks every advance and discharge. */
export function redFlagOpen(flags: readonly Pick<Flag, "ruleId">[] | undefined): boolean {
  return (flags ?? []).some((f) => f.ruleId === "R20");
}

/** What the phase panel offers, decided by the same gate as `decidePhaseChange` and `decideDischarge`. */
export interface PhaseChangeOptions {
  /** The next phase, unless the athlete is in phase 4; `needsOverride` when a criterion is not met. */
  advance: { to: Phase; needsOverride: boolean; blockedByRedFlag: boolean } | null;
  /** Discharge, from phase 4 only. */
  discharge: { needsOverride: boolean; blockedByRedFlag: boolean } | null;
  /** The previous phase (always allowed with a reason), unless the athlete is in phase 1. */
  moveBack: { to: Phase } | null;
}

export function phaseChangeOptions(phase: Phase, criteria: readonly Pick<ExitCriterionResult, "status">[], flagOpen: boolean): PhaseChangeOptions {
  // The same rule as the gates: an empty checklist is not "all met".
  const needsOverride = !(criteria.length > 0 && criteria.every((c) => c.status === "met"));
  return {
    advance: phase < 4 ? { to: (phase + 1) as Phase, needsOverride, blockedByRedFlag: flagOpen } : null,
    discharge: phase === 4 ? { needsOverride, blockedByRedFlag: flagOpen } : null,
    moveBack: phase > 1 ? { to: (phase - 1) as Phase } : null,
  };
}
