import { z } from "zod";
import { DomainError } from "../errors";
import { defaultThresholds } from "./config";
import { addLocalWeeks, resolveCalendar, startOfLocalWeek, type Calendar } from "./calendar";
import { dateTimeInput, noteText, plainText } from "../input-primitives";
import { count, nonNegativeNumber, painScore, positiveNumber, rangedNumber } from "./schemas/fields";
import type { Assessment, OutcomeDecision, Flag } from "./types";
import { isActionable, severityRank } from "./flags";
import { visaHItemsSchema } from "./visa-h";
import { checkInLabels, runLogLabels, sessionLogLabels, visaHLabels } from "../field-labels";
import type { ExercisePrescription } from "./schemas/plan";
import {
  activityKinds,
  redFlagIds,
  redFlagQuestions,
  surfaces,
  type ActivityKind,
  type ExerciseCategory,
  type RedFlagId,
  type SessionType,
  type Zone,
} from "./vocabulary";

/*
 * What the athlete's own pages need from the domain: the input schemas of the log forms, the
 * 24-hour edit window, the VISA-H prompt, red-flag advice and plain-language meanings of an
 * outcome. The rules themselves stay in the engine; this only words and schedules them.
 */

/** A log may be changed or deleted by its athlete for this long after it was created. */
export const LOG_EDIT_WINDOW_HOURS = 24;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** One submit of one form instance: a double submit with the same key returns the first log. */
export const idempotencyKeySchema = plainText("idempotencyKey", { min: 8, max: 100 });

const optionalNote = noteText(sessionLogLabels.notes).optional();
const S = sessionLogLabels;
const R = runLogLabels;
const C = checkInLabels;

/**
 * What each kind of log can say it contained, for the phase gates (R16), stretching (R17),
 * spacing (R7) and the sport elements of the discharge (E4.1). A run's strides, sprints and
 * gradient are also read from its numbers; these are what numbers cannot tell.
 */
export const loggableActivities = {
  strength: ["isometrics", "deep_lunge", "plyometrics", "static_hamstring_stretch"],
  field: ["field_drills", "sprint", "plyometrics", "intervals", "deep_lunge", "static_hamstring_stretch"],
  cross_training: ["walking", "cycling", "pool_running", "static_hamstring_stretch"],
  run: ["long_run", "hills", "intervals", "sprint", "strides", "plyometrics", "static_hamstring_stretch"],
} as const satisfies Record<SessionType, readonly ActivityKind[]>;

/** Activities in plain words, for the log forms and the physio's lists. */
export const activityLabels: Readonly<Record<ActivityKind, string>> = {
  easy_run: "Easy run",
  long_run: "Long run",
  hills: "Hill repeats",
  intervals: "Intervals / speed",
  strides: "Strides",
  sprint: "Sprints",
  plyometrics: "Plyometrics (jumps, bounds)",
  heavy_gym: "Heavy gym",
  field_drills: "Field drills",
  recovery: "Recovery",
  gentle_hills: "Gentle hills",
  deep_lunge: "Deep lunges",
  static_hamstring_stretch: "Static hamstring stretching",
  walking: "Walking",
  pool_running: "Pool running",
  cycling: "Cycling",
  isometrics: "Isometrics",
};

/** Heavy strength and a repetition maximum belong to strength sessions only (R8, R9, E2.5). */
export const sessionTypesWithLoad: readonly SessionType[] = ["strength"];

const sessionTypeLabel: Readonly<Record<SessionType, string>> = { strength: "a strength session", field: "a field session", cross_training: "cross-training", run: "a run" };

/** Refuses activities a log of this type cannot contain, naming the field. */
function activitiesFit(type: SessionType, activities: readonly ActivityKind[], ctx: z.RefinementCtx): void {
  const allowed: readonly ActivityKind[] = loggableActivities[type];
  const wrong = activities.filter((a) => !allowed.includes(a));
  if (wrong.length > 0) {
    ctx.addIssue({ code: "custom", path: ["activities"], message: `${wrong.map((a) => activityLabels[a]).join(", ")} cannot be logged on ${sessionTypeLabel[type]}` });
  }
}

/** The session-log form (strength, field, cross-training); the server adds id and athlete. */
export const sessionLogInputSchema = z
  .object({
    at: dateTimeInput(S.at),
    type: z.enum(["strength", "field", "cross_training"], { error: `${S.type}: choose strength, field or cross-training` }),
    minutes: positiveNumber(S.minutes).refine((m) => m <= 600, `${S.minutes} must be at most 600`),
    rpe: rangedNumber(S.rpe, 0, 10).int(`${S.rpe} must be a whole number`),
    painDuring: painScore(S.painDuring),
    painAfter: painScore(S.painAfter).optional(),
    asPrescribed: z.boolean().default(true),
    activities: z.array(z.enum(activityKinds)).default([]),
    heavy: z.boolean().default(false),
    heaviestRm: count(S.heaviestRm).min(1, `${S.heaviestRm} must be 1 or more`).max(100, `${S.heaviestRm} must be at most 100`).optional(),
    /** Sport elements done at full intensity (E4.1). */
    fullIntensity: z.boolean().default(false),
    /** A full, unmodified squad training session (E4.2). */
    fullTraining: z.boolean().default(false),
    notes: optionalNote,
  })
  .superRefine((log, ctx) => {
    activitiesFit(log.type, log.activities, ctx);
    if (!sessionTypesWithLoad.includes(log.type)) {
      if (log.heavy) ctx.addIssue({ code: "custom", path: ["heavy"], message: `${S.heavy} applies to strength sessions only` });
      if (log.heaviestRm !== undefined) ctx.addIssue({ code: "custom", path: ["heaviestRm"], message: `${S.heaviestRm} applies to strength sessions only` });
    }
  });
export type SessionLogInput = z.infer<typeof sessionLogInputSchema>;

/** The run-log form, filled by hand or from an imported GPX/TCX/FIT file. */
export const runLogInputSchema = z
  .object({
    at: dateTimeInput(R.at),
    minutes: positiveNumber(R.minutes).refine((m) => m <= 1440, `${R.minutes} must be at most 1,440`).optional(),
    distanceKm: positiveNumber(R.distanceKm).refine((d) => d <= 400, `${R.distanceKm} must be at most 400`).optional(),
    elevationGainM: nonNegativeNumber(R.elevationGainM).refine((m) => m <= 10_000, `${R.elevationGainM} must be at most 10,000`).optional(),
    steepestGradientPct: rangedNumber(R.steepestGradientPct, -50, 50).optional(),
    surface: z.enum(surfaces, { error: `${R.surface}: choose one of the options` }).optional(),
    strides: count(R.strides).max(1000, `${R.strides} must be at most 1,000`).default(0),
    sprints: count(R.sprints).max(1000, `${R.sprints} must be at most 1,000`).default(0),
    cadenceSpm: rangedNumber(R.cadenceSpm, 60, 260).optional(),
    walkRun: z.boolean().default(false),
    rpe: rangedNumber(R.rpe, 0, 10).int(`${R.rpe} must be a whole number`).optional(),
    painDuring: painScore(R.painDuring),
    painAfter: painScore(R.painAfter).optional(),
    asPrescribed: z.boolean().default(true),
    importedFrom: z.enum(["gpx", "tcx", "fit"]).optional(),
    /** What the numbers cannot tell: a long run, hill repeats, stretching afterwards... */
    activities: z.array(z.enum(activityKinds)).default([]),
    fullIntensity: z.boolean().default(false),
    fullTraining: z.boolean().default(false),
    notes: noteText(R.notes).optional(),
  })
  .refine((run) => run.distanceKm !== undefined || run.minutes !== undefined, {
    message: "Enter the distance or the duration",
    path: ["distanceKm"],
  })
  .superRefine((run, ctx) => activitiesFit("run", run.activities, ctx));
export type RunLogInput = z.infer<typeof runLogInputSchema>;

/** The morning check-in form. */
export const checkInInputSchema = z.object({
  at: dateTimeInput(C.at),
  morningPain: painScore(C.morningPain),
  stiffnessMinutes: nonNegativeNumber(C.stiffnessMinutes).refine((m) => m <= 720, `${C.stiffnessMinutes} must be at most 720`).optional(),
  loadTestPain: painScore(C.loadTestPain).optional(),
  restPain: painScore(C.restPain).optional(),
  longestSitMinutes: nonNegativeNumber(C.longestSitMinutes).refine((m) => m <= 1440, `${C.longestSitMinutes} must be at most 1,440`).optional(),
  sittingToleranceMinutes: nonNegativeNumber(C.sittingToleranceMinutes)
    .refine((m) => m <= 1440, `${C.sittingToleranceMinutes} must be at most 1,440`)
    .optional(),
  cushionUsed: z.boolean().optional(),
  redFlags: z.array(z.enum(redFlagIds, { error: "One of the warning-sign answers is not a known question" })).default([]),
});
export type CheckInInput = z.infer<typeof checkInInputSchema>;

/** The VISA-H form: 8 item scores (the total is computed, never entered). */
export const visaHInputSchema = z.object({ at: dateTimeInput(visaHLabels.at), items: visaHItemsSchema });
export type VisaHInput = z.infer<typeof visaHInputSchema>;

/**
 * Whether a log created at `createdAt` may still be edited or deleted by its athlete at `now`.
 * After the window it is part of the record the physio reasons about, and stays as logged.
 */
export function withinEditWindow(createdAt: Date, now: Date, hours: number = LOG_EDIT_WINDOW_HOURS): boolean {
  const age = now.getTime() - createdAt.getTime();
  return age >= 0 && age <= hours * HOUR_MS;
}

/** Throws a `gone` domain error when the window has passed (the API maps it to one code). */
export function assertWithinEditWindow(createdAt: Date, now: Date, hours: number = LOG_EDIT_WINDOW_HOURS): void {
  if (!withinEditWindow(createdAt, now, hours)) {
    throw new DomainError("forbidden", `Logs can only be changed within ${hours} hours of saving them. Ask your physio to correct it: their correction and its reason show in the log's history.`);
  }
}

/** VISA-H is prompted every 2 weeks by default (the `visaH.reminderIntervalDays` threshold). */
export const VISA_H_INTERVAL_DAYS = defaultThresholds.visaH.reminderIntervalDays;

export interface VisaHDue {
  /** When the next questionnaire is due; `now` when none was ever completed. */
  dueAt: Date;
  /** True when it is due today or overdue. */
  due: boolean;
  /** Whole days until due (0 when due now or overdue). */
  daysUntilDue: number;
}

/** When the athlete should next complete VISA-H. */
export function visaHDue(lastCompletedAt: Date | null, now: Date, intervalDays: number = VISA_H_INTERVAL_DAYS): VisaHDue {
  if (!lastCompletedAt) return { dueAt: now, due: true, daysUntilDue: 0 };
  const dueAt = new Date(lastCompletedAt.getTime() + intervalDays * DAY_MS);
  const remaining = dueAt.getTime() - now.getTime();
  return { dueAt, due: remaining <= 0, daysUntilDue: remaining <= 0 ? 0 : Math.ceil(remaining / DAY_MS) };
}

/** Exit criteria that read VISA-H (E2.6, E4.3). */
const visaHCriteria: readonly string[] = ["E2.6", "E4.3"];

/**
 * When the athlete's VISA-H is due, on the plan's reminder interval (default 14 days), and also
 * whenever an exit criterion of the current phase waits for one (none yet, or the last is older
 * than its validity, default 28 days): then Today says why. Counted at `now` (the request's
 * clock; the assessment's own time when not given), with the assessment's thresholds.
 */
export function visaHDueForAssessment(
  lastCompletedAt: Date | null,
  assessment: Pick<Assessment, "evaluatedAt" | "thresholds" | "exitCriteria">,
  now: Date = assessment.evaluatedAt,
): VisaHDue & { forExitCriteria: boolean; message: string | null } {
  const interval = assessment.thresholds.visaH.reminderIntervalDays;
  const due = visaHDue(lastCompletedAt, now, interval);
  const forExitCriteria = assessment.exitCriteria.some((c) => visaHCriteria.includes(c.id) && c.status === "unknown");
  if (forExitCriteria) {
    return { ...due, due: true, daysUntilDue: 0, forExitCriteria, message: "VISA-H due: your physio needs a recent questionnaire to judge the next phase." };
  }
  return { ...due, forExitCriteria, message: visaHReminderMessage(lastCompletedAt, due.due, interval) };
}

/** When the athlete's VISA-H is due without an assessment to read (their records need attention): the default interval. */
export function visaHDueByDefault(lastCompletedAt: Date | null, now: Date): VisaHDue & { forExitCriteria: boolean; message: string | null } {
  const due = visaHDue(lastCompletedAt, now);
  return { ...due, forExitCriteria: false, message: visaHReminderMessage(lastCompletedAt, due.due, VISA_H_INTERVAL_DAYS) };
}

function visaHReminderMessage(lastCompletedAt: Date | null, due: boolean, intervalDays: number): string | null {
  if (!due) return null;
  return lastCompletedAt
    ? `VISA-H due: it has been ${intervalInWords(intervalDays)} since your last questionnaire.`
    : "VISA-H due: your first questionnaire sets your baseline.";
}

/** A reminder interval as an athlete reads it: "2 weeks", "10 days". */
export function intervalInWords(days: number): string {
  if (days % 7 === 0) return days === 7 ? "a week" : `${days / 7} weeks`;
  return days === 1 ? "a day" : `${days} days`;
}

/** What a red-flag answer asks the athlete to do. */
export interface RedFlagAdvice {
  urgency: "same_day" | "prompt";
  /** Plain sentence shown prominently after the check-in. */
  message: string;
  /** The questions answered "yes", in plain words. */
  answers: string[];
}

/**
 * Red flags (R20) in plain words: any same-day answer means "seek medical care today";
 * otherwise "contact your physio". Null when none was answered "yes".
 */
export function redFlagAdvice(answered: readonly RedFlagId[]): RedFlagAdvice | null {
  if (answered.length === 0) return null;
  const questions = redFlagQuestions.filter((q) => answered.includes(q.id));
  const sameDay = questions.some((q) => q.urgency === "same_day");
  return {
    urgency: sameDay ? "same_day" : "prompt",
    message: sameDay
      ? "Seek medical care today (your GP, an urgent care centre, or emergency services if it is severe), and contact your physio. Do not train until you have been seen."
      : "Contact your physio before your next session so they can review this. Do not progress your training until they have.",
    answers: questions.map((q) => q.label),
  };
}

/** A zone in plain words, for an athlete. */
export const zoneMeaning: Readonly<Record<Zone, { label: string; meaning: string }>> = {
  green: { label: "Green", meaning: "The tendon coped well." },
  amber: { label: "Amber", meaning: "The tendon is a little irritated." },
  red: { label: "Red", meaning: "The tendon did not cope with this load." },
};

/**
 * What an athlete is told when their log was saved but the rules could not judge it: their
 * records cannot be read or assessed (staff see "record needs attention"). No verdict is guessed:
 * repeating the last load that felt fine is the safe default until the physio has looked.
 */
export const NOT_ASSESSED_FEEDBACK =
  "Saved, but Loadline cannot judge it right now: your records need your club's attention. Until your physio has looked, repeat your last load that felt fine and do not progress.";

/**
 * The athlete's "next high-load day" card: the R7 spacing in force (the plan's, relaxed or not),
 * or why high-load work waits.
 */
export function highLoadSpacingWords(spacingHours: number | null, highLoadAllowed: boolean): { rule: string; notYet: string | null } {
  return {
    rule:
      spacingHours === null
        ? "Running, jumps, sprints, hills: no minimum spacing in this phase."
        : `Running, jumps, sprints, hills: at least ${spacingHours} hours apart while in rehab.`,
    notYet: highLoadAllowed ? null : "Not in this phase: running and other high-load work wait until your physio moves you on (or enables easy running).",
  };
}

/** The R4 decision in plain words: what to do next session. */
export const decisionMeaning: Readonly<Record<OutcomeDecision, { label: string; meaning: string }>> = {
  progress: { label: "Progress", meaning: "Next session you may change one thing (a little more distance, load or speed)." },
  repeat: { label: "Repeat", meaning: "Repeat the same load next session; do not add anything yet." },
  // Who is told depends on whether an alert was raised; the R4 flag's sentence says it.
  regress: { label: "Go back", meaning: "Go back to your last load that felt fine." },
  incomplete: {
    label: "Incomplete",
    meaning: "Incomplete: log your morning pain. Until the next-morning response is known, repeat the same load.",
  },
};


/** A flag's identity across two assessments (rule, records and sentence). */
function flagKey(flag: Flag): string {
  return `${flag.ruleId}|${[...flag.evidence.recordIds].sort().join(",")}|${flag.message}`;
}

/**
 * Flags present after a write that were not there before it, worst first: what the athlete
 * should see at once after logging. Information-only flags are left out.
 */
export function newFlagsSince(before: readonly Flag[], after: readonly Flag[]): Flag[] {
  const seen = new Set(before.map(flagKey));
  return after
    .filter((flag) => isActionable(flag) && !seen.has(flagKey(flag)))
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}

export interface WeeklyVolumePoint {
  /** Start of the week (local midnight of the club's week-start day, Monday by default). */
  weekStart: Date;
  km: number;
  minutes: number;
  runs: number;
  /** The previous week's km plus 10 % (R10's green limit); null when the previous week had no running. */
  tenPercentLimitKm: number | null;
}

/**
 * Weekly running volume for the last `weeks` calendar weeks (oldest first) with R10's 10 % line,
 * for the progress chart. Weeks start on the club's week-start day at local midnight in its
 * zone (Monday, Europe/London by default), so a Sunday-evening run stays in its own week across
 * daylight-saving changes. The engine's rolling R10 check stays the source of the flag.
 */
export function weeklyVolumeSeries(
  runs: readonly { at: Date; distanceKm?: number | null | undefined; minutes?: number | null | undefined }[],
  now: Date,
  weeks: number,
  greenMaxPct = 10,
  calendar: Partial<Calendar> = {},
): WeeklyVolumePoint[] {
  const { timeZone, weekStartsOn } = resolveCalendar(calendar);
  const current = startOfLocalWeek(now.getTime(), { timeZone, weekStartsOn });
  const starts = Array.from({ length: weeks }, (_, i) => addLocalWeeks(current, i - (weeks - 1), timeZone));
  const points = starts.map((start) => ({ weekStart: new Date(start), km: 0, minutes: 0, runs: 0, tenPercentLimitKm: null as number | null }));
  for (const run of runs) {
    const index = starts.indexOf(startOfLocalWeek(run.at.getTime(), { timeZone, weekStartsOn }));
    const point = points[index];
    if (!point || run.at.getTime() > now.getTime()) continue;
    point.km += run.distanceKm ?? 0;
    point.minutes += run.minutes ?? 0;
    point.runs += 1;
  }
  for (let i = 0; i < points.length; i += 1) {
    const point = points[i]!;
    point.km = Math.round(point.km * 100) / 100;
    point.minutes = Math.round(point.minutes);
    const previous = points[i - 1];
    point.tenPercentLimitKm = previous && previous.km > 0 ? Math.round(previous.km * (1 + greenMaxPct / 100) * 100) / 100 : null;
  }
  return points;
}

/**
 * What a strength session "done as prescribed" contained, from the plan's prescriptions: the
 * exercise categories (E1.2 counts isometric sessions), whether it was heavy (R8, R9) and the
 * heaviest loading as a repetition maximum (E2.5). Prescriptions the engine treats as an
 * activity (e.g. `deep_lunge`) are carried over for the phase gates.
 */
export function sessionContentFromPrescriptions(prescriptions: readonly ExercisePrescription[]): {
  categories: ExerciseCategory[];
  heavy: boolean;
  heaviestRm: number | undefined;
  activities: ActivityKind[];
} {
  const categories = [...new Set(prescriptions.map((p) => p.category))];
  const heavy = prescriptions.some((p) => p.heavy);
  const rms = prescriptions.filter((p) => p.repetitionMaximum !== undefined).map((p) => p.repetitionMaximum!);
  const activities = [...new Set(prescriptions.flatMap((p) => (p.activity ? [p.activity] : [])))];
  return { categories, heavy, heaviestRm: rms.length > 0 ? Math.min(...rms) : undefined, activities };
}

/**
 * The licensed VISA-H wording an organisation may load (clinical-model.md, "VISA-H"): either JSON
 * (`{ "items": ["...", ...] }` or an array) or plain text with one item per line, 8 items.
 * Returns the 8 texts, or throws an `invalid` domain error saying what is wrong.
 */
export function parseVisaHWording(text: string): string[] {
  let items: unknown;
  const trimmed = text.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      const json: unknown = JSON.parse(trimmed);
      items = Array.isArray(json) ? json : (json as { items?: unknown }).items;
    } catch {
      throw new DomainError("invalid", "The wording file is not valid JSON.");
    }
  } else {
    items = trimmed.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
  }
  const parsed = z.array(z.string().trim().min(1)).length(8).safeParse(items);
  if (!parsed.success) throw new DomainError("invalid", "The wording file must hold exactly 8 non-empty item texts, one per VISA-H item.");
  return parsed.data;
}
