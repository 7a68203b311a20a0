import { z } from "zod";
import { activityKinds, exerciseCategories, redFlagIds, surfaces } from "../vocabulary";
import { count, identifier, instant, nonNegativeNumber, painScore, positiveNumber, rangedNumber } from "./fields";

const sessionFields = {
  id: identifier("id"),
  /** Start of the session. */
  at: instant("at"),
  rpe: rangedNumber("rpe", 0, 10).optional(),
  painDuring: painScore("painDuring"),
  /** Pain later the same day (R2); may be logged after the session. */
  painAfter: painScore("painAfter").optional(),
  asPrescribed: z.boolean().default(true),
  /** What the session contained, for the phase gates and spacing rules. */
  activities: z.array(z.enum(activityKinds)).default([]),
  /** Exercise categories done (e.g. `isometric` for E1.2). */
  categories: z.array(z.enum(exerciseCategories)).default([]),
  /** A heavy strength session (R8, R9). */
  heavy: z.boolean().default(false),
  /** Heaviest loading used, as a repetition maximum (E2.5: ~8RM). */
  heaviestRm: count("heaviestRm").optional(),
  /** Sport elements done at full intensity (E4.1). */
  fullIntensity: z.boolean().default(false),
  /** A full, unmodified squad training session (E4.2). */
  fullTraining: z.boolean().default(false),
  notes: z.string().optional(),
};

/** A non-running session log: strength, field or cross-training (clinical-model.md, "Records"). */
export const sessionLogSchema = z.object({
  ...sessionFields,
  type: z.enum(["strength", "field", "cross_training"], {
    error: "type must be one of: strength, run, field, cross_training",
  }),
  minutes: positiveNumber("minutes"),
});
export type SessionLog = z.infer<typeof sessionLogSchema>;

/** A run log: a session log with the running details (clinical-model.md, "Records"). */
export const runLogSchema = z
  .object({
    ...sessionFields,
    type: z.literal("run"),
    minutes: positiveNumber("minutes").optional(),
    distanceKm: positiveNumber("distanceKm").optional(),
    elevationGainM: nonNegativeNumber("elevationGainM").optional(),
    steepestGradientPct: rangedNumber("steepestGradientPct", -50, 50).optional(),
    surface: z.enum(surfaces).optional(),
    strides: count("strides").default(0),
    sprints: count("sprints").default(0),
    cadenceSpm: rangedNumber("cadenceSpm", 60, 260).optional(),
    walkRun: z.boolean().default(false),
  })
  .refine((run) => run.distanceKm !== undefined || run.minutes !== undefined, {
    message: "a run needs distanceKm or minutes (duration)",
    path: ["distanceKm"],
  });
export type RunLog = z.infer<typeof runLogSchema>;

/** Any logged session, discriminated by `type`. */
export const loggedSessionSchema = z.discriminatedUnion("type", [sessionLogSchema, runLogSchema]);
export type LoggedSession = z.infer<typeof loggedSessionSchema>;

/** The morning check-in (clinical-model.md, "Records"). */
export const morningCheckInSchema = z.object({
  id: identifier("id"),
  at: instant("at"),
  morningPain: painScore("morningPain"),
  stiffnessMinutes: nonNegativeNumber("stiffnessMinutes").optional(),
  /** Pain on 3 single-leg bridges (R6). */
  loadTestPain: painScore("loadTestPain").optional(),
  /** Pain at rest (E2.1). */
  restPain: painScore("restPain").optional(),
  /** Longest continuous sit yesterday, in minutes (R18). */
  longestSitMinutes: nonNegativeNumber("longestSitMinutes").optional(),
  /** How long the athlete can sit before pain, in minutes (R18 trend). */
  sittingToleranceMinutes: nonNegativeNumber("sittingToleranceMinutes").optional(),
  /** Red-flag questions answered "yes" (R20). */
  redFlags: z.array(z.enum(redFlagIds, { error: "redFlags contains an unknown question id" })).default([]),
});
export type MorningCheckIn = z.infer<typeof morningCheckInSchema>;
