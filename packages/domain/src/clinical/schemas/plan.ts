import { z } from "zod";
import { thresholdOverridesSchema } from "../config";
import { activityKinds, exerciseCategories } from "../vocabulary";
import { count, identifier, instant, positiveNumber, rangedNumber } from "./fields";
import { planLabels as L, prescriptionLabels as P } from "../../field-labels";
import { plainText } from "../../input-primitives";

/** A tempo is a few characters ("3-1-3", "slow down, fast up"). */
export const TEMPO_MAX_LENGTH = 40;

/** One exercise prescription inside a plan (clinical-model.md, "Records"). */
export const exercisePrescriptionSchema = z
  .object({
    id: identifier(P.id),
    exercise: identifier(P.exercise),
    /** The library version this prescription was written from; absent in plans older than versioning (version 1). */
    exerciseVersion: z.int().min(1).max(100_000).optional(),
    category: z.enum(exerciseCategories, { error: `${P.category}: choose one of the options` }),
    /** What the phase gates (R16/R17) should treat this exercise as, e.g. `deep_lunge`. */
    activity: z.enum(activityKinds).optional(),
    sets: count(P.sets).max(50, `${P.sets} must be at most 50`).refine((n) => n > 0, `${P.sets} must be greater than 0`),
    reps: count(P.reps).max(1000, `${P.reps} must be at most 1,000`).optional(),
    holdSeconds: positiveNumber(P.holdSeconds).refine((s) => s <= 3600, `${P.holdSeconds} must be at most 3,600`).optional(),
    intensityPct: rangedNumber(P.intensityPct, 0, 100).optional(),
    repetitionMaximum: count(P.repetitionMaximum).max(100, `${P.repetitionMaximum} must be at most 100`).optional(),
    tempo: plainText(P.tempo, { max: TEMPO_MAX_LENGTH }).optional(),
    sessionsPerWeek: rangedNumber(P.sessionsPerWeek, 0, 14),
    heavy: z.boolean().default(false),
    highTendonLoad: z.boolean().default(false),
  })
  .refine((p) => p.reps !== undefined || p.holdSeconds !== undefined, {
    message: `Enter the ${P.reps.toLowerCase()} or the ${P.holdSeconds.toLowerCase()}`,
    path: ["reps"],
  });
export type ExercisePrescription = z.infer<typeof exercisePrescriptionSchema>;

/** The run a phase-3 athlete works towards (E3.1): a distance, a duration, or both. */
export const targetEasyRunSchema = z
  .object({
    distanceKm: positiveNumber(L["targetEasyRun.distanceKm"]).refine((d) => d <= 400, `${L["targetEasyRun.distanceKm"]} must be at most 400`).optional(),
    minutes: positiveNumber(L["targetEasyRun.minutes"]).refine((m) => m <= 1440, `${L["targetEasyRun.minutes"]} must be at most 1,440`).optional(),
  })
  .refine((t) => t.distanceKm !== undefined || t.minutes !== undefined, {
    message: `${L.targetEasyRun}: enter a distance or a duration`,
    path: ["distanceKm"],
  });

/** A versioned rehab plan (clinical-model.md, "Records"). Each change is a new version with author and time. */
export const planSchema = z.object({
  id: identifier("id"),
  athleteId: identifier("athleteId"),
  version: count("version").refine((n) => n >= 1, "version must be 1 or more"),
  authorId: identifier("authorId"),
  createdAt: instant("createdAt"),
  phase: z.literal([1, 2, 3, 4], { error: "phase must be 1, 2, 3 or 4" }),
  /** When the current phase was assigned; R19 and the phase-relative checks count from it. */
  phaseStartedAt: instant("phaseStartedAt"),
  prescriptions: z.array(exercisePrescriptionSchema).default([]),
  /** Activities the physio explicitly allows on top of the phase defaults (e.g. `easy_run` in phase 1). */
  allowedActivities: z.array(z.enum(activityKinds)).default([]),
  /** Activities the physio explicitly forbids on top of the phase defaults. */
  forbiddenActivities: z.array(z.enum(activityKinds)).default([]),
  thresholds: thresholdOverridesSchema.default({}),
  targetEasyRun: targetEasyRunSchema.optional(),
  /** Sport elements that must be done at full intensity before discharge (E4.1). */
  returnToSportElements: z.array(z.enum(activityKinds)).default([]),
  /** The recorded maintenance plan (E4.4). */
  maintenancePlan: z.string().optional(),
  /** VISA-H baseline; when absent the earliest recorded response is the baseline. */
  visaHBaseline: rangedNumber("visaHBaseline", 0, 100).optional(),
  notes: z.string().optional(),
});
export type Plan = z.infer<typeof planSchema>;
