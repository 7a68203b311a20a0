import { z } from "zod";
import { DomainError } from "../../errors";
import { planSchema } from "./plan";
import { loggedSessionSchema, morningCheckInSchema } from "./logs";
import {
  adjunctTreatmentSchema,
  athleteFactsSchema,
  capacityTestSchema,
  clinicianReviewSchema,
  gaitAssessmentSchema,
  squadSessionSchema,
  visaHResponseSchema,
} from "./records";

/**
 * Everything the engine reads about one athlete: the current plan version and every record.
 * Records may arrive in any order; the engine sorts them once.
 *
 * `plan` is `null` (or absent) for an athlete who is not in rehab (no injury episode, no rehab
 * plan): the engine then uses the default thresholds and skips the phase-bound rules (see
 * `assessAthlete`).
 */
export const athleteTimelineSchema = z.object({
  athlete: athleteFactsSchema,
  /** The current rehab plan version, or null when the athlete is not in rehab. */
  plan: planSchema.nullable().default(null),
  sessions: z.array(loggedSessionSchema).default([]),
  checkIns: z.array(morningCheckInSchema).default([]),
  visaH: z.array(visaHResponseSchema).default([]),
  gaitAssessments: z.array(gaitAssessmentSchema).default([]),
  adjuncts: z.array(adjunctTreatmentSchema).default([]),
  capacityTests: z.array(capacityTestSchema).default([]),
  /** Planned squad sessions of the athlete's squads; these may lie in the future. */
  squadSessions: z.array(squadSessionSchema).default([]),
  reviews: z.array(clinicianReviewSchema).default([]),
});
export type AthleteTimeline = z.infer<typeof athleteTimelineSchema>;
/** What callers may pass in (defaults not yet applied, dates as strings allowed). */
export type AthleteTimelineInput = z.input<typeof athleteTimelineSchema>;

/** Record collections that describe the past, so none may be dated after the evaluation time. */
const pastCollections = [
  "sessions",
  "checkIns",
  "visaH",
  "gaitAssessments",
  "adjuncts",
  "capacityTests",
  "reviews",
] as const;

/**
 * Wraps any record schema with an `at` field so that a record dated after `evaluatedAt`
 * is rejected ("at must not be after the evaluation time"). Use it for single-record forms.
 * @param schema a record schema whose output has `at: Date`
 * @param evaluatedAt the time of evaluation (usually the request time, passed in)
 */
export function notAfter<S extends z.ZodType<{ at: Date }>>(schema: S, evaluatedAt: Date) {
  return schema.refine((record) => record.at.getTime() <= evaluatedAt.getTime(), {
    message: `at must not be after the evaluation time (${evaluatedAt.toISOString()})`,
    path: ["at"],
  });
}

/**
 * The timeline schema with the date-in-the-future check relative to `evaluatedAt`: every past
 * record (logs, check-ins, questionnaires, tests, adjuncts, reviews) and the plan's dates (when
 * there is a plan) must not be after it. Planned squad sessions are exempt.
 * @param evaluatedAt the time of evaluation, passed in (the domain never reads the clock)
 */
export function athleteTimelineSchemaAt(evaluatedAt: Date) {
  const limit = evaluatedAt.getTime();
  return athleteTimelineSchema.superRefine((timeline, ctx) => {
    const plan = timeline.plan;
    for (const field of ["createdAt", "phaseStartedAt"] as const) {
      if (plan !== null && plan[field].getTime() > limit) {
        ctx.addIssue({
          code: "custom",
          message: `plan.${field} must not be after the evaluation time`,
          path: ["plan", field],
        });
      }
    }
    for (const collection of pastCollections) {
      timeline[collection].forEach((record, index) => {
        if (record.at.getTime() > limit) {
          ctx.addIssue({
            code: "custom",
            message: `${collection}[${index}].at must not be after the evaluation time`,
            path: [collection, index, "at"],
          });
        }
      });
    }
  });
}

/**
 * Parses and validates raw timeline input at an evaluation time.
 * @returns the typed timeline with defaults applied
 * @throws DomainError of kind `invalid` whose `fieldErrors` are keyed by field path
 *   (e.g. `sessions.0.painDuring: ["painDuring must be between 0 and 10"]`)
 */
export function parseAthleteTimeline(input: unknown, evaluatedAt: Date): AthleteTimeline {
  const result = athleteTimelineSchemaAt(evaluatedAt).safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".") || "(root)";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  // A failed parse always has at least one issue.
  const first = result.error.issues[0] as z.core.$ZodIssue;
  throw new DomainError("invalid", first.message, fieldErrors);
}
