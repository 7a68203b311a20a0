/**
 * The closed vocabularies of the clinical model (docs/clinical-model.md) as `as const` arrays, so the database enums, the zod
 * schemas and the UI select boxes all come from one list.
 */

/** Rehab phases 1-4 (clinical-model.md, "Phases"). */
export const phases = [1, 2, 3, 4] as const;
export type Phase = (typeof phases)[number];

/** Kinds of logged session (clinical-model.md, "Records" "Session log"). */
export const sessionTypes = ["strength", "run", "field", "cross_training"] as const;
export type SessionType = (typeof sessionTypes)[number];

/** Kinds of squad session a coach plans (clinical-model.md, "Records" "Squad session"). */
export const squadSessionKinds = [
  "easy_run",
  "long_run",
  "hills",
  "intervals",
  "strides",
  "sprint",
  "plyometrics",
  "heavy_gym",
  "field_drills",
  "recovery",
] as const;
export type SquadSessionKind = (typeof squadSessionKinds)[number];

/**
 * Everything the phase gates (R16) and stretching rule (R17) reason about: the squad session
 * kinds plus rehab-only activities. `hills` means hill repeats; `gentle_hills` is the easy
 * undulating running that phase 3 introduces after distance and strides.
 */
export const activityKinds = [
  ...squadSessionKinds,
  "gentle_hills",
  "deep_lunge",
  "static_hamstring_stretch",
  "walking",
  "pool_running",
  "cycling",
  "isometrics",
] as const;
export type ActivityKind = (typeof activityKinds)[number];

/**
 * Activities that load the tendon at speed or in deep hip flexion under impact (R7): their
 * starts must be spaced in phases 1-3.
 */
export const highTendonLoadActivities = [
  "easy_run",
  "long_run",
  "hills",
  "gentle_hills",
  "intervals",
  "strides",
  "sprint",
  "plyometrics",
  "field_drills",
] as const satisfies readonly ActivityKind[];

/** Flag severities, mildest first; `escalate` is above red (clinical-model.md, "Rules"). */
export const severities = ["info", "amber", "red", "escalate"] as const;
export type Severity = (typeof severities)[number];

/** Pain-monitoring zones, best first. */
export const zones = ["green", "amber", "red"] as const;
export type Zone = (typeof zones)[number];

/** What the squad board shows for an athlete; see `availability.ts` for the mapping. */
export const availabilityValues = ["available", "modified", "rehab", "unavailable"] as const;
export type Availability = (typeof availabilityValues)[number];

/** Gait fault codes (clinical-model.md, "Gait faults and cues"). */
export const gaitFaultCodes = [
  "OVERSTRIDE",
  "SITTING_IN_BUCKET",
  "HIPS_BACK_LEAN",
  "TRUNK_FLEXION",
  "ASYMMETRY",
] as const;
export type GaitFaultCode = (typeof gaitFaultCodes)[number];

/** Exercise categories of a prescription (clinical-model.md, "Records"). */
export const exerciseCategories = [
  "isometric",
  "heavy_slow_resistance",
  "eccentric",
  "glute_core",
  "plyometric",
  "running_drill",
] as const;
export type ExerciseCategory = (typeof exerciseCategories)[number];

/** Run surfaces; a change of surface is one progression variable (R14). */
export const surfaces = ["road", "track", "trail", "grass", "treadmill", "sand", "mixed"] as const;
export type Surface = (typeof surfaces)[number];

export const sides = ["left", "right", "both"] as const;
export type Side = (typeof sides)[number];

/** Adjunct treatments (clinical-model.md, "Records"); the injection ones pause automatic progression (R22). */
export const adjunctTreatmentKinds = [
  "shockwave",
  "prp",
  "autologous_blood",
  "corticosteroid_injection",
  "surgery",
] as const;
export type AdjunctTreatmentKind = (typeof adjunctTreatmentKinds)[number];

/** Adjuncts after which automatic progression pauses until the physio enters restrictions. */
export const progressionPausingAdjuncts = [
  "prp",
  "autologous_blood",
  "corticosteroid_injection",
  "surgery",
] as const satisfies readonly AdjunctTreatmentKind[];

/** Conditions that modify tendon healing (R21). */
export const modifyingConditions = ["autoimmune", "haemochromatosis", "diabetes", "other_metabolic"] as const;
export type ModifyingCondition = (typeof modifyingConditions)[number];
/** How every screen names the conditions R21 reads. */
export const modifyingConditionLabels: Readonly<Record<ModifyingCondition, string>> = {
  autoimmune: "Autoimmune disease",
  haemochromatosis: "Haemochromatosis",
  diabetes: "Diabetes",
  other_metabolic: "Other metabolic disease",
};

/**
 * Red-flag screening questions (R20), each with a plain-language label and whether a "yes"
 * needs same-day medical care or a prompt (non-urgent) medical review.
 */
export const redFlagQuestions = [
  { id: "saddle_numbness", label: "Numbness around the saddle area (buttocks, groin, inner thighs)", urgency: "same_day" },
  { id: "bladder_bowel_change", label: "New change in bladder or bowel control", urgency: "same_day" },
  { id: "bilateral_or_worsening_weakness", label: "Weakness in both legs, or weakness that is getting worse", urgency: "same_day" },
  { id: "fever_or_unwell", label: "Fever or feeling generally unwell", urgency: "same_day" },
  { id: "sudden_pop_bruising", label: "A sudden 'pop' in the buttock or thigh with bruising", urgency: "same_day" },
  { id: "night_pain_waking", label: "Night pain that wakes you up", urgency: "prompt" },
  { id: "unexplained_weight_loss", label: "Weight loss you cannot explain", urgency: "prompt" },
  { id: "numbness_tingling", label: "Numbness or tingling in the leg", urgency: "prompt" },
  { id: "limp_or_changed_gait", label: "A limp or a change in how you walk or run", urgency: "prompt" },
  { id: "difficulty_accelerating", label: "Difficulty accelerating", urgency: "prompt" },
  { id: "daily_painkillers", label: "Needing painkillers every day", urgency: "prompt" },
  { id: "pain_not_easing_with_rest", label: "Pain not easing after 2-3 days of rest", urgency: "prompt" },
  { id: "history_of_cancer", label: "A history of cancer", urgency: "prompt" },
] as const;
export type RedFlagId = (typeof redFlagQuestions)[number]["id"];
export const redFlagIds = redFlagQuestions.map((q) => q.id) as [RedFlagId, ...RedFlagId[]];
/** Red flags that need same-day medical care. */
export const sameDayRedFlags: readonly RedFlagId[] = redFlagQuestions
  .filter((q) => q.urgency === "same_day")
  .map((q) => q.id);
/** Red flags that need a prompt (not same-day) medical review. */
export const promptReviewRedFlags: readonly RedFlagId[] = redFlagQuestions
  .filter((q) => q.urgency === "prompt")
  .map((q) => q.id);

/** Rule ids exactly as clinical-model.md, "Rules" names them. */
export const ruleIds = [
  "R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11",
  "R12", "R13", "R14", "R15", "R16", "R17", "R18", "R19", "R20", "R21", "R22",
] as const;
export type RuleId = (typeof ruleIds)[number];

/** Exit-criterion ids exactly as clinical-model.md, "Exit criteria" names them. */
export const exitCriterionIds = [
  "E1.1", "E1.2", "E1.3", "E1.4",
  "E2.1", "E2.2", "E2.3", "E2.4", "E2.5", "E2.6",
  "E3.1", "E3.2", "E3.3", "E3.4",
  "E4.1", "E4.2", "E4.3", "E4.4",
] as const;
export type ExitCriterionId = (typeof exitCriterionIds)[number];

/** Kinds of capacity test the exit criteria read (E2.2, E2.3). */
export const capacityTestKinds = ["drop_lunge", "single_leg_bridge_reps", "prone_curl_10rm"] as const;
export type CapacityTestKind = (typeof capacityTestKinds)[number];
