import { z } from "zod";

/**
 * Every number the clinical model (docs/clinical-model.md) marks as a threshold or *default*, in one typed object. A plan may
 * override any leaf (`resolveThresholds`); nothing else in the engine hard-codes a number.
 */

const painBands = z.object({
  /** Highest pain that is still green. */
  greenMax: z.number().min(0).max(10),
  /** Highest pain that is still amber; anything above is red. */
  amberMax: z.number().min(0).max(10),
});

const groups = {
  pain: z.object({
    /** R1/R2 profile in use: "pht" (default) or the Silbernagel opt-in. */
    profile: z.enum(["pht", "silbernagel"]),
    pht: painBands,
    silbernagel: painBands,
  }),
  nextMorning: z.object({
    /** R3: delta (next morning minus the morning before) that is amber. */
    amberDelta: z.number(),
    /** R3: delta that is red. */
    redDelta: z.number(),
    /** How far back a check-in may be to count as "the morning before" (R6 and R18 read the latest check-in within it). */
    baselineWindowHours: z.number().positive(),
    /** R3: days back to look for the most recent known morning when the morning before was not logged. */
    baselineLookbackDays: z.number().positive(),
    /** How long after a session a check-in may be to count as "the next morning". */
    nextMorningWindowHours: z.number().positive(),
  }),
  outcome: z.object({
    /** R4: this many reds ... */
    redsBeforeReview: z.number().int().positive(),
    /** ... within this many days block progression until a physio reviews (*default*). */
    redWindowDays: z.number().positive(),
  }),
  trend: z.object({
    /** R5: length of each window whose mean morning pain is compared. */
    windowDays: z.number().positive(),
    /** R5: rise of the mean that is amber. */
    amberRise: z.number().positive(),
  }),
  loadTest: z.object({
    /** R6: highest load-test pain that counts as tolerating. */
    toleratingMax: z.number().min(0).max(10),
  }),
  spacing: z.object({
    /** R7: minimum hours between starts of high-tendon-load sessions in phases 1-3. */
    highLoadHours: z.number().positive(),
    /** R7: the physio's relaxed spacing. */
    relaxedHours: z.number().positive(),
    /** R7: physio opt-in to the relaxed spacing. */
    relaxed: z.boolean(),
    /** R7: green high-load exposures needed before the relaxed spacing applies. */
    greenExposuresToRelax: z.number().int().min(0),
  }),
  heavyStrength: z.object({
    /** R8: fewest heavy sessions per rolling 7 days in phase 2. */
    minPerWeek: z.number().int().min(0),
    /** R8: most heavy sessions per rolling 7 days. */
    maxPerWeek: z.number().int().positive(),
    /** R8: minimum hours between heavy sessions. */
    minGapHours: z.number().positive(),
    /** R9: fewest heavy or eccentric sessions per week in phase 4. */
    maintenanceMinPerWeek: z.number().int().min(0),
  }),
  volume: z.object({
    /** R10: weekly increase (%) that is still green. */
    weeklyGreenMaxPct: z.number(),
    /** R10: weekly increase (%) that is still amber; above is red. */
    weeklyAmberMaxPct: z.number(),
    /** R10: weeks whose mean is the reference after two or more weeks without running. */
    breakMeanWeeks: z.number().int().min(2),
    /** R11: days of history the longest run is taken from. */
    spikeLookbackDays: z.number().positive(),
    /** R11: % longer than the longest recent run that is amber. */
    spikeAmberPct: z.number(),
    /** R11: multiple of the longest recent run above which it is red. */
    spikeRedMultiple: z.number().positive(),
  }),
  workload: z.object({
    /** R13: acute window in days. */
    acuteDays: z.number().positive(),
    /** R13: chronic window in days (its weekly mean is the denominator). */
    chronicDays: z.number().positive(),
    /** R13: days between the first logged session and now before the ratio is reported. */
    minHistoryDays: z.number().min(0),
    greenMin: z.number(),
    greenMax: z.number(),
    amberMax: z.number(),
  }),
  progression: z.object({
    /** R14: a distance or duration change above this % is a changed variable. */
    volumePct: z.number(),
    /** R14: a pace this % faster is a changed variable. */
    pacePct: z.number(),
    /** R14: a steepest gradient above this % appearing is a changed variable. */
    gradientPct: z.number(),
    /** R15: green repetitions of a level before the next step. */
    consolidateGreenCount: z.number().int().positive(),
  }),
  sitting: z.object({
    /** R18: a continuous sit longer than this prompts a break and a cushion. */
    maxContinuousMinutes: z.number().positive(),
  }),
  escalation: z.object({
    /** R19: weeks without a phase change before a physio review. */
    noPhaseChangeWeeks: z.number().positive(),
    /** R19: weeks of symptoms despite reduced load before a physio review. */
    symptomaticWeeks: z.number().int().positive(),
    /** R19: weekly mean morning pain that counts as "symptomatic" (*default*). */
    symptomaticMorningPain: z.number().min(0).max(10),
  }),
  modifiers: z.object({
    /** R21: age above which a modifier is reported (the literature says 35-40). */
    ageOver: z.number().positive(),
    /** R21: BMI above which a modifier is reported (*default*). */
    bmiOver: z.number().positive(),
  }),
  exit: z.object({
    e1LoadTestGoodDays: z.number().int().positive(),
    e1LoadTestWindowDays: z.number().int().positive(),
    e1IsometricSessions: z.number().int().positive(),
    e2DropLungeMaxPain: z.number().min(0).max(10),
    e2SymmetryPct: z.number().positive(),
    e2MinBridgeReps: z.number().int().positive(),
    e2BriskWalkMinutes: z.number().positive(),
    e2HeavyLoadMaxRm: z.number().positive(),
    e2HeavyLoadWeeks: z.number().positive(),
    e2VisaHGain: z.number(),
    e3Exposures: z.number().int().positive(),
    e3VolumePctOfPreInjury: z.number().positive(),
    e3CleanDays: z.number().positive(),
    e4FullTrainingWeeks: z.number().positive(),
    e4VisaHMin: z.number(),
  }),
  visaH: z.object({
    /** Change treated as meaningful (*default* borrowed from VISA-P: 13). */
    meaningfulChange: z.number().positive(),
    /** Days after a questionnaire when the next one is due (the reminder). */
    reminderIntervalDays: z.number().positive(),
    /** Days a questionnaire counts for an exit criterion (E2.6, E4.3); older is "VISA-H due". */
    validityDays: z.number().positive(),
  }),
  gait: z.object({
    /** Cadence below this at easy pace hints at over-striding (*default*). */
    minEasyCadence: z.number().positive(),
    /** Cadence this % below the athlete's usual hints at over-striding (*default*). */
    belowUsualPct: z.number().positive(),
  }),
  flags: z.object({
    /** Days back in which per-session flags (R1-R3, R7, R11, R14-R17) are reported. */
    lookbackDays: z.number().positive(),
    /** Days ahead in which planned squad sessions are checked against the phase gates (R16). */
    plannedLookaheadDays: z.number().positive(),
  }),
};

/** Zod schema of a complete thresholds object. */
export const thresholdsSchema = z.object(groups);
export type Thresholds = z.infer<typeof thresholdsSchema>;

/** Zod schema of a plan's overrides: any group, any leaf, may be left out. */
export const thresholdOverridesSchema = z.object({
  pain: groups.pain.partial(),
  nextMorning: groups.nextMorning.partial(),
  outcome: groups.outcome.partial(),
  trend: groups.trend.partial(),
  loadTest: groups.loadTest.partial(),
  spacing: groups.spacing.partial(),
  heavyStrength: groups.heavyStrength.partial(),
  volume: groups.volume.partial(),
  workload: groups.workload.partial(),
  progression: groups.progression.partial(),
  sitting: groups.sitting.partial(),
  escalation: groups.escalation.partial(),
  modifiers: groups.modifiers.partial(),
  exit: groups.exit.partial(),
  visaH: groups.visaH.partial(),
  gait: groups.gait.partial(),
  flags: groups.flags.partial(),
}).partial();
export type ThresholdOverrides = z.infer<typeof thresholdOverridesSchema>;

/** The defaults of the clinical model (docs/clinical-model.md), deeply frozen so no caller can change them by accident. */
export const defaultThresholds: Readonly<Thresholds> = deepFreeze({
  pain: {
    profile: "pht",
    pht: { greenMax: 2, amberMax: 3 },
    silbernagel: { greenMax: 3, amberMax: 5 },
  },
  nextMorning: { amberDelta: 1, redDelta: 2, baselineWindowHours: 36, baselineLookbackDays: 3, nextMorningWindowHours: 36 },
  outcome: { redsBeforeReview: 2, redWindowDays: 7 },
  trend: { windowDays: 7, amberRise: 1 },
  loadTest: { toleratingMax: 3 },
  spacing: { highLoadHours: 72, relaxedHours: 48, relaxed: false, greenExposuresToRelax: 4 },
  heavyStrength: { minPerWeek: 2, maxPerWeek: 3, minGapHours: 48, maintenanceMinPerWeek: 2 },
  volume: {
    weeklyGreenMaxPct: 10,
    weeklyAmberMaxPct: 30,
    breakMeanWeeks: 4,
    spikeLookbackDays: 30,
    spikeAmberPct: 10,
    spikeRedMultiple: 2,
  },
  workload: { acuteDays: 7, chronicDays: 28, minHistoryDays: 21, greenMin: 0.8, greenMax: 1.3, amberMax: 1.5 },
  progression: { volumePct: 10, pacePct: 5, gradientPct: 2, consolidateGreenCount: 2 },
  sitting: { maxContinuousMinutes: 30 },
  escalation: { noPhaseChangeWeeks: 12, symptomaticWeeks: 3, symptomaticMorningPain: 2 },
  modifiers: { ageOver: 35, bmiOver: 30 },
  exit: {
    e1LoadTestGoodDays: 5,
    e1LoadTestWindowDays: 7,
    e1IsometricSessions: 6,
    e2DropLungeMaxPain: 1,
    e2SymmetryPct: 90,
    e2MinBridgeReps: 25,
    e2BriskWalkMinutes: 30,
    e2HeavyLoadMaxRm: 8,
    e2HeavyLoadWeeks: 2,
    e2VisaHGain: 13,
    e3Exposures: 2,
    e3VolumePctOfPreInjury: 80,
    e3CleanDays: 14,
    e4FullTrainingWeeks: 2,
    e4VisaHMin: 80,
  },
  visaH: { meaningfulChange: 13, reminderIntervalDays: 14, validityDays: 28 },
  gait: { minEasyCadence: 165, belowUsualPct: 5 },
  flags: { lookbackDays: 7, plannedLookaheadDays: 14 },
});

/**
 * Merges threshold overrides onto the defaults, leaf by leaf: the club's defaults first, then the
 * plan's (a plan always has the last word for its athlete).
 * @param planOverrides the plan's `thresholds` (may be undefined or partial)
 * @param clubOverrides the club's engine defaults set by its owner (may be undefined or partial)
 * @returns a complete, new `Thresholds` object; the defaults are never mutated
 */
export function resolveThresholds(planOverrides?: ThresholdOverrides | null, clubOverrides?: ThresholdOverrides | null): Thresholds {
  const resolved = clonePlain(defaultThresholds);
  applyOverrides(resolved, clubOverrides);
  applyOverrides(resolved, planOverrides);
  return resolved;
}

function applyOverrides(resolved: Thresholds, overrides: ThresholdOverrides | null | undefined): void {
  if (!overrides) return;
  for (const key of Object.keys(overrides) as (keyof Thresholds)[]) {
    const override = overrides[key];
    if (!override) continue;
    const group = resolved[key] as Record<string, unknown>;
    for (const [leaf, value] of Object.entries(override)) {
      // A nested profile (pain.pht / pain.silbernagel) replaces only the fields given.
      if (value !== undefined && typeof value === "object" && value !== null) {
        group[leaf] = { ...(group[leaf] as object), ...value };
      } else if (value !== undefined) {
        group[leaf] = value;
      }
    }
  }
}

/** Copies nested plain objects (the thresholds hold only objects, numbers, strings, booleans). */
function clonePlain<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) copy[key] = clonePlain(child);
  return copy as T;
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === "object" && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}
