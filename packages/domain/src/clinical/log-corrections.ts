import { z } from "zod";
import { plainText } from "../input-primitives";
import { checkInInputSchema } from "./athlete";
import { painScore, positiveNumber, rangedNumber } from "./schemas/fields";

/*
 * A physio's correction of an athlete's log after the athlete's own edit window: the figures the
 * rules read, changed with a reason that stays in the log's history (the athlete sees it there).
 */

/** What a physio may correct on a logged session or run, with the reason; at least one figure. */
export const logCorrectionSchema = z
  .object({
    minutes: positiveNumber("minutes").refine((m) => m <= 1440, "minutes must be at most 1440").optional(),
    distanceKm: positiveNumber("distanceKm").refine((d) => d <= 400, "distanceKm must be at most 400").optional(),
    rpe: rangedNumber("rpe", 0, 10).int("rpe must be a whole number").optional(),
    painDuring: painScore("painDuring").optional(),
    painAfter: painScore("painAfter").optional(),
    reason: plainText("reason", { min: 1, max: 500, multiline: true }),
  })
  .refine((c) => [c.minutes, c.distanceKm, c.rpe, c.painDuring, c.painAfter].some((v) => v !== undefined), {
    message: "Change at least one figure",
    path: ["painDuring"],
  });
export type LogCorrection = z.infer<typeof logCorrectionSchema>;

/** The corrected figures over the stored ones; `distanceKm` only applies to runs. */
export function correctedFigures<T extends { type: string; minutes: number | null; distanceKm: number | null; rpe: number | null; painDuring: number; painAfter: number | null }>(
  row: T,
  correction: LogCorrection,
): Pick<T, "minutes" | "distanceKm" | "rpe" | "painDuring" | "painAfter"> {
  return {
    minutes: correction.minutes ?? row.minutes,
    distanceKm: row.type === "run" ? (correction.distanceKm ?? row.distanceKm) : row.distanceKm,
    rpe: correction.rpe ?? row.rpe,
    painDuring: correction.painDuring ?? row.painDuring,
    painAfter: correction.painAfter ?? row.painAfter,
  };
}

/** A stored answer as the correction sentences show it ("none" when it was not given). */
const figure = (v: unknown): string => (v === true ? "yes" : v === false ? "no" : typeof v === "number" || typeof v === "string" ? String(v) : "none");

/** A sentence for the audit log and the history: which figures changed, old to new. */
export function describeCorrection(before: Record<string, unknown>, after: Record<string, unknown>): string {
  const labels = { minutes: "minutes", distanceKm: "distance (km)", rpe: "effort (RPE)", painDuring: "pain during", painAfter: "pain after" };
  const changes = Object.entries(labels)
    .filter(([k]) => (before[k] ?? null) !== (after[k] ?? null))
    .map(([k, label]) => `${label} ${figure(before[k])} -> ${figure(after[k])}`);
  return changes.length > 0 ? changes.join(", ") : "no figure changed";
}

/** The check-in answers a physio may correct: every answer the rules read except the warning signs. */
const correctableCheckInFields = ["morningPain", "loadTestPain", "restPain", "stiffnessMinutes", "longestSitMinutes", "sittingToleranceMinutes", "cushionUsed"] as const;

/**
 * What a physio may correct on a morning check-in, with the reason: the pains, morning stiffness
 * and the sitting answers. Warning-sign (red-flag) answers are not corrected here: they raise an
 * escalation that the physio reviews and resolves on its own path, so an answer cannot be made to
 * disappear from the record.
 */
export const checkInCorrectionSchema = z
  .object({
    morningPain: painScore("morningPain").optional(),
    loadTestPain: painScore("loadTestPain").optional(),
    restPain: painScore("restPain").optional(),
    stiffnessMinutes: checkInInputSchema.shape.stiffnessMinutes,
    longestSitMinutes: checkInInputSchema.shape.longestSitMinutes,
    sittingToleranceMinutes: checkInInputSchema.shape.sittingToleranceMinutes,
    cushionUsed: checkInInputSchema.shape.cushionUsed,
    redFlags: z
      .never({ error: "Warning-sign answers are not corrected here: review them in the escalation queue" })
      .optional(),
    reason: plainText("reason", { min: 1, max: 500, multiline: true }),
  })
  .refine((c) => correctableCheckInFields.some((k) => c[k] !== undefined), {
    message: "Change at least one answer",
    path: ["morningPain"],
  });
export type CheckInCorrection = z.infer<typeof checkInCorrectionSchema>;

type CorrectableCheckIn = { [K in (typeof correctableCheckInFields)[number]]: K extends "cushionUsed" ? boolean | null : K extends "morningPain" ? number : number | null };

/** The corrected answers over the stored ones. */
export function correctedCheckIn(row: CorrectableCheckIn, correction: CheckInCorrection): CorrectableCheckIn {
  return {
    morningPain: correction.morningPain ?? row.morningPain,
    loadTestPain: correction.loadTestPain ?? row.loadTestPain,
    restPain: correction.restPain ?? row.restPain,
    stiffnessMinutes: correction.stiffnessMinutes ?? row.stiffnessMinutes,
    longestSitMinutes: correction.longestSitMinutes ?? row.longestSitMinutes,
    sittingToleranceMinutes: correction.sittingToleranceMinutes ?? row.sittingToleranceMinutes,
    cushionUsed: correction.cushionUsed ?? row.cushionUsed,
  };
}

/** A sentence for the audit log: which check-in answers changed, old to new. */
export function describeCheckInCorrection(before: Record<string, unknown>, after: Record<string, unknown>): string {
  const labels = {
    morningPain: "morning pain",
    loadTestPain: "load-test pain",
    restPain: "rest pain",
    stiffnessMinutes: "morning stiffness (min)",
    longestSitMinutes: "longest sit (min)",
    sittingToleranceMinutes: "sitting tolerance (min)",
    cushionUsed: "cushion used",
  };
  const changes = Object.entries(labels)
    .filter(([k]) => (before[k] ?? null) !== (after[k] ?? null))
    .map(([k, label]) => `${label} ${figure(before[k])} -> ${figure(after[k])}`);
  return changes.length > 0 ? changes.join(", ") : "no answer changed";
}
