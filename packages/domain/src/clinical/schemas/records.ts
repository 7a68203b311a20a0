import { z } from "zod";
import { sexes } from "../../roster";
import {
  adjunctTreatmentKinds,
  gaitFaultCodes,
  modifyingConditions,
  ruleIds,
  sides,
  squadSessionKinds,
} from "../vocabulary";
import { visaHItemsSchema } from "../visa-h";
import { count, identifier, instant, nonNegativeNumber, painScore, positiveNumber, rangedNumber } from "./fields";

/** A VISA-H questionnaire response: the 8 item scores (section 7); the total is computed. */
export const visaHResponseSchema = z.object({
  id: identifier("id"),
  at: instant("at"),
  items: visaHItemsSchema,
});
export type VisaHResponse = z.infer<typeof visaHResponseSchema>;

/** One observed gait fault. */
export const gaitFaultSchema = z.object({
  code: z.enum(gaitFaultCodes, { error: "code must be one of: " + gaitFaultCodes.join(", ") }),
  severity: z.literal([1, 2, 3], { error: "severity must be 1, 2 or 3" }),
  side: z.enum(sides).optional(),
});

/** A coach's or physio's gait assessment (clinical-model.md, "Records" and "Gait faults and cues"). */
export const gaitAssessmentSchema = z.object({
  id: identifier("id"),
  at: instant("at"),
  assessorId: identifier("assessorId"),
  surface: z.enum(["treadmill", "overground"]),
  speedKmh: positiveNumber("speedKmh").optional(),
  cadenceSpm: rangedNumber("cadenceSpm", 60, 260).optional(),
  faults: z.array(gaitFaultSchema).default([]),
  cuesPrescribed: z.array(z.string()).default([]),
  notes: z.string().optional(),
  videoUrl: z.url({ error: "videoUrl must be a valid URL" }).optional(),
});
export type GaitAssessment = z.infer<typeof gaitAssessmentSchema>;

/** An adjunct treatment (clinical-model.md, "Records", R22). */
export const adjunctTreatmentSchema = z.object({
  id: identifier("id"),
  at: instant("at"),
  kind: z.enum(adjunctTreatmentKinds, { error: "kind must be one of: " + adjunctTreatmentKinds.join(", ") }),
  side: z.enum(sides).optional(),
  parameters: z.string().optional(),
  provider: z.string().optional(),
  /** Restrictions the physio entered afterwards; until then progression pauses (R22). */
  restrictions: z.string().optional(),
});
export type AdjunctTreatment = z.infer<typeof adjunctTreatmentSchema>;

/** A squad session the coach plans (clinical-model.md, "Records"). */
export const squadSessionSchema = z.object({
  id: identifier("id"),
  at: instant("at"),
  squadId: identifier("squadId"),
  kind: z.enum(squadSessionKinds, { error: "kind must be one of: " + squadSessionKinds.join(", ") }),
  notes: z.string().optional(),
});
export type SquadSession = z.infer<typeof squadSessionSchema>;

/** A capacity test the exit criteria read: drop lunge pain (E2.2) or strength symmetry (E2.3). */
export const capacityTestSchema = z.discriminatedUnion("kind", [
  z.object({ id: identifier("id"), at: instant("at"), kind: z.literal("drop_lunge"), pain: painScore("pain") }),
  z.object({
    id: identifier("id"),
    at: instant("at"),
    kind: z.literal("single_leg_bridge_reps"),
    affected: count("affected"),
    other: count("other"),
  }),
  z.object({
    id: identifier("id"),
    at: instant("at"),
    kind: z.literal("prone_curl_10rm"),
    affected: nonNegativeNumber("affected"),
    other: nonNegativeNumber("other"),
  }),
]);
export type CapacityTest = z.infer<typeof capacityTestSchema>;

/** A physio's review that clears an escalation or a progression block (R4, R19, R20). */
export const clinicianReviewSchema = z.object({
  id: identifier("id"),
  at: instant("at"),
  ruleId: z.enum(ruleIds, { error: "ruleId must be a rule id R1-R22" }),
  reviewerId: identifier("reviewerId"),
  note: z.string().optional(),
});
export type ClinicianReview = z.infer<typeof clinicianReviewSchema>;

/**
 * The athlete facts the rules read (clinical-model.md, "Records" "Athlete"). Optional numbers accept null, as
 * the roster's profile and the database store them.
 */
export const athleteFactsSchema = z.object({
  id: identifier("id"),
  birthYear: rangedNumber("birthYear", 1900, 2200).nullish(),
  sex: z.enum(sexes).optional(),
  sport: z.string().optional(),
  squadIds: z.array(z.string()).default([]),
  preInjuryWeeklyKm: nonNegativeNumber("preInjuryWeeklyKm").nullish(),
  previousHamstringInjury: z.boolean().optional(),
  conditions: z.array(z.enum(modifyingConditions)).default([]),
  bmi: rangedNumber("bmi", 10, 80).nullish(),
  /** The athlete's usual easy-pace cadence (steps/min), for the cadence hint. */
  usualCadenceSpm: rangedNumber("usualCadenceSpm", 60, 260).nullish(),
  /** When the athlete joined the club: compliance does not count the days before. */
  joinedAt: instant("joinedAt").optional(),
});
export type AthleteFacts = z.infer<typeof athleteFactsSchema>;

/** Provocation test record (clinical-model.md, "Records"); information only, no rule reads it. */
export const provocationTestSchema = z.object({
  id: identifier("id"),
  at: instant("at"),
  test: z.enum(["puranen_orava", "bent_knee_stretch", "modified_bent_knee_stretch", "single_leg_bridge_platform", "arabesque"]),
  side: z.enum(sides),
  familiarPainReproduced: z.boolean(),
  pain: painScore("pain"),
});
export type ProvocationTest = z.infer<typeof provocationTestSchema>;

