import { defaultThresholds, type ThresholdOverrides, type Thresholds } from "./config";

/**
 * A plain-language description of every threshold a plan may override (every leaf of
 * `defaultThresholds`), so an editor can be rendered from data instead of hand-written
 * fields. The limits mirror `thresholdsSchema`; the server still validates every save.
 */

/** Where a field is shown: one group per rule (or closely related rules). */
export const thresholdGroups = [
  { id: "pain", title: "Pain during and after activity", ruleIds: "R1/R2", common: true },
  { id: "spacing", title: "High-tendon-load spacing", ruleIds: "R7", common: true },
  { id: "heavyStrength", title: "Heavy strength and maintenance", ruleIds: "R8/R9", common: true },
  { id: "nextMorning", title: "Next-morning pain", ruleIds: "R3", common: false },
  { id: "outcome", title: "Session outcome", ruleIds: "R4", common: false },
  { id: "trend", title: "Morning pain trend", ruleIds: "R5", common: false },
  { id: "loadTest", title: "Daily load test", ruleIds: "R6", common: false },
  { id: "volume", title: "Running volume and single-run spikes", ruleIds: "R10/R11", common: false },
  { id: "workload", title: "Acute:chronic workload", ruleIds: "R13", common: false },
  { id: "progression", title: "One variable at a time, consolidation", ruleIds: "R14/R15", common: false },
  { id: "sitting", title: "Sitting", ruleIds: "R18", common: false },
  { id: "escalation", title: "Not progressing", ruleIds: "R19", common: false },
  { id: "modifiers", title: "Modifiers", ruleIds: "R21", common: false },
  { id: "exit", title: "Phase exit criteria", ruleIds: "E1-E4", common: false },
  { id: "visaH", title: "VISA-H", ruleIds: "VISA-H", common: false },
  { id: "gait", title: "Gait hints", ruleIds: "Gait", common: false },
  { id: "flags", title: "Reporting windows", ruleIds: "Flags", common: false },
] as const satisfies readonly { id: keyof Thresholds; title: string; ruleIds: string; common: boolean }[];

export type ThresholdGroupId = (typeof thresholdGroups)[number]["id"];

/** A leaf value of the thresholds: a number, a flag or an option. */
export type ThresholdLeafValue = number | boolean | string;

interface ThresholdFieldBase {
  /** Path of the leaf inside `Thresholds`, e.g. ["spacing", "highLoadHours"]. */
  path: readonly [ThresholdGroupId, ...string[]];
  /** Plain label a physio understands (without the unit). */
  label: string;
  /** The rule or exit criterion it belongs to ("R7", "R1/R2", "E2.3"; "VISA-H", "Gait", "Flags" otherwise). */
  ruleId: string;
  /** Optional one-line explanation. */
  hint?: string;
}

export interface NumberThresholdField extends ThresholdFieldBase {
  kind: "number";
  /** Unit shown after the label ("hours", "days", "%", "0-10"...). */
  unit?: string;
  /** Smallest value allowed (inclusive unless `minExclusive`). */
  min?: number;
  /** `min` itself is not allowed (the value must be above it). */
  minExclusive?: boolean;
  /** Largest value allowed (inclusive). */
  max?: number;
  /** Whole numbers only. */
  integer?: boolean;
}

export interface BooleanThresholdField extends ThresholdFieldBase {
  kind: "boolean";
}

export interface EnumThresholdField extends ThresholdFieldBase {
  kind: "enum";
  options: readonly { value: string; label: string }[];
}

export type ThresholdField = NumberThresholdField | BooleanThresholdField | EnumThresholdField;

const pain010 = { kind: "number", unit: "0-10", min: 0, max: 10 } as const;
const positive = { min: 0, minExclusive: true } as const;
const count = { kind: "number", integer: true, min: 1 } as const;
const countFromZero = { kind: "number", integer: true, min: 0 } as const;

/** Every overridable threshold, in display order within its group. */
export const thresholdFields: readonly ThresholdField[] = [
  // R1/R2
  {
    path: ["pain", "profile"],
    label: "Pain profile",
    ruleId: "R1/R2",
    kind: "enum",
    options: [
      { value: "pht", label: "PHT: green 0-2, amber 3, red 4+" },
      { value: "silbernagel", label: "Silbernagel: green 0-3, amber 4-5, red 6+" },
    ],
  },
  { path: ["pain", "pht", "greenMax"], label: "PHT profile: highest green pain", ruleId: "R1/R2", ...pain010 },
  { path: ["pain", "pht", "amberMax"], label: "PHT profile: highest amber pain", ruleId: "R1/R2", ...pain010 },
  { path: ["pain", "silbernagel", "greenMax"], label: "Silbernagel profile: highest green pain", ruleId: "R1/R2", ...pain010 },
  { path: ["pain", "silbernagel", "amberMax"], label: "Silbernagel profile: highest amber pain", ruleId: "R1/R2", ...pain010 },
  // R7
  { path: ["spacing", "highLoadHours"], label: "High-load spacing", ruleId: "R7", kind: "number", unit: "hours", ...positive },
  {
    path: ["spacing", "relaxed"],
    label: "Relax the spacing after enough green exposures",
    ruleId: "R7",
    kind: "boolean",
    hint: "The physio's opt-in to the relaxed spacing below.",
  },
  { path: ["spacing", "relaxedHours"], label: "Relaxed spacing", ruleId: "R7", kind: "number", unit: "hours", ...positive },
  { path: ["spacing", "greenExposuresToRelax"], label: "Green high-load exposures before relaxing", ruleId: "R7", ...countFromZero },
  // R8/R9
  { path: ["heavyStrength", "minGapHours"], label: "Heavy sessions gap", ruleId: "R8", kind: "number", unit: "hours", ...positive },
  { path: ["heavyStrength", "minPerWeek"], label: "Fewest heavy sessions per 7 days (phase 2)", ruleId: "R8", ...countFromZero },
  { path: ["heavyStrength", "maxPerWeek"], label: "Most heavy sessions per 7 days", ruleId: "R8", ...count },
  {
    path: ["heavyStrength", "maintenanceMinPerWeek"],
    label: "Fewest heavy or eccentric sessions per week (phase 4)",
    ruleId: "R9",
    ...countFromZero,
  },
  // R3
  { path: ["nextMorning", "amberDelta"], label: "Next-morning rise that is amber", ruleId: "R3", kind: "number", unit: "points" },
  { path: ["nextMorning", "redDelta"], label: "Next-morning rise that is red", ruleId: "R3", kind: "number", unit: "points" },
  {
    path: ["nextMorning", "baselineWindowHours"],
    label: "Recent check-in window",
    ruleId: "R3",
    kind: "number",
    unit: "hours",
    ...positive,
    hint: "How long before now a check-in still counts for the daily load test and sitting.",
  },
  {
    path: ["nextMorning", "baselineLookbackDays"],
    label: "Look-back for the morning before",
    ruleId: "R3",
    kind: "number",
    unit: "days",
    ...positive,
    hint: "When the morning before a session was not logged, the latest morning within this many days is the baseline.",
  },
  {
    path: ["nextMorning", "nextMorningWindowHours"],
    label: "Next-morning window",
    ruleId: "R3",
    kind: "number",
    unit: "hours",
    ...positive,
    hint: "How long after a session a check-in still counts as the next morning.",
  },
  // R4
  { path: ["outcome", "redsBeforeReview"], label: "Red sessions that block progression", ruleId: "R4", ...count },
  { path: ["outcome", "redWindowDays"], label: "Window for those red sessions", ruleId: "R4", kind: "number", unit: "days", ...positive },
  // R5
  { path: ["trend", "windowDays"], label: "Trend window", ruleId: "R5", kind: "number", unit: "days", ...positive },
  { path: ["trend", "amberRise"], label: "Rise of mean morning pain that is amber", ruleId: "R5", kind: "number", unit: "points", ...positive },
  // R6
  { path: ["loadTest", "toleratingMax"], label: "Highest load-test pain that is tolerating", ruleId: "R6", ...pain010 },
  // R10/R11
  { path: ["volume", "weeklyGreenMaxPct"], label: "Weekly running increase still green", ruleId: "R10", kind: "number", unit: "%" },
  { path: ["volume", "weeklyAmberMaxPct"], label: "Weekly running increase still amber", ruleId: "R10", kind: "number", unit: "%" },
  {
    path: ["volume", "breakMeanWeeks"],
    label: "Weeks averaged after a break",
    ruleId: "R10",
    kind: "number",
    unit: "weeks",
    min: 2,
    integer: true,
    hint: "After two or more weeks without running, this week is compared with the average of this many weeks.",
  },
  { path: ["volume", "spikeLookbackDays"], label: "Longest-run look-back", ruleId: "R11", kind: "number", unit: "days", ...positive },
  { path: ["volume", "spikeAmberPct"], label: "Run longer than the longest recent run: amber above", ruleId: "R11", kind: "number", unit: "%" },
  {
    path: ["volume", "spikeRedMultiple"],
    label: "Run longer than the longest recent run: red above",
    ruleId: "R11",
    kind: "number",
    unit: "times",
    ...positive,
  },
  // R13
  { path: ["workload", "acuteDays"], label: "Acute window", ruleId: "R13", kind: "number", unit: "days", ...positive },
  { path: ["workload", "chronicDays"], label: "Chronic window", ruleId: "R13", kind: "number", unit: "days", ...positive },
  {
    path: ["workload", "minHistoryDays"],
    label: "History needed before the ratio is shown",
    ruleId: "R13",
    kind: "number",
    unit: "days",
    min: 0,
  },
  { path: ["workload", "greenMin"], label: "Lowest green ratio", ruleId: "R13", kind: "number", unit: "ratio" },
  { path: ["workload", "greenMax"], label: "Highest green ratio", ruleId: "R13", kind: "number", unit: "ratio" },
  { path: ["workload", "amberMax"], label: "Highest amber ratio", ruleId: "R13", kind: "number", unit: "ratio" },
  // R14/R15
  { path: ["progression", "volumePct"], label: "Distance or duration change that counts", ruleId: "R14", kind: "number", unit: "%" },
  { path: ["progression", "pacePct"], label: "Faster pace that counts", ruleId: "R14", kind: "number", unit: "%" },
  { path: ["progression", "gradientPct"], label: "Gradient that counts", ruleId: "R14", kind: "number", unit: "%" },
  { path: ["progression", "consolidateGreenCount"], label: "Green repetitions before the next step", ruleId: "R15", ...count },
  // R18
  { path: ["sitting", "maxContinuousMinutes"], label: "Longest continuous sit", ruleId: "R18", kind: "number", unit: "minutes", ...positive },
  // R19
  { path: ["escalation", "noPhaseChangeWeeks"], label: "Weeks without a phase change", ruleId: "R19", kind: "number", unit: "weeks", ...positive },
  { path: ["escalation", "symptomaticWeeks"], label: "Weeks of symptoms despite reduced load", ruleId: "R19", ...count },
  { path: ["escalation", "symptomaticMorningPain"], label: "Weekly mean morning pain that is symptomatic", ruleId: "R19", ...pain010 },
  // R21
  { path: ["modifiers", "ageOver"], label: "Age above", ruleId: "R21", kind: "number", unit: "years", ...positive },
  { path: ["modifiers", "bmiOver"], label: "BMI above", ruleId: "R21", kind: "number", ...positive },
  // E1-E4
  { path: ["exit", "e1LoadTestGoodDays"], label: "Tolerated load-test days needed", ruleId: "E1.1", ...count },
  { path: ["exit", "e1LoadTestWindowDays"], label: "Out of the last", ruleId: "E1.1", ...count, unit: "days" },
  { path: ["exit", "e1IsometricSessions"], label: "Full-dose isometric sessions needed", ruleId: "E1.2", ...count },
  { path: ["exit", "e2DropLungeMaxPain"], label: "Highest drop-lunge pain", ruleId: "E2.2", ...pain010 },
  { path: ["exit", "e2SymmetryPct"], label: "Strength symmetry needed", ruleId: "E2.3", kind: "number", unit: "%", ...positive },
  { path: ["exit", "e2MinBridgeReps"], label: "Single-leg bridges needed each side", ruleId: "E2.3", ...count },
  { path: ["exit", "e2BriskWalkMinutes"], label: "Pain-free brisk walk", ruleId: "E2.4", kind: "number", unit: "minutes", ...positive },
  { path: ["exit", "e2HeavyLoadMaxRm"], label: "Heavy load at most", ruleId: "E2.5", kind: "number", unit: "RM", ...positive },
  { path: ["exit", "e2HeavyLoadWeeks"], label: "Heavy load tolerated for", ruleId: "E2.5", kind: "number", unit: "weeks", ...positive },
  { path: ["exit", "e2VisaHGain"], label: "VISA-H gain over baseline", ruleId: "E2.6", kind: "number", unit: "points" },
  { path: ["exit", "e3Exposures"], label: "Green target runs, stride runs and hill runs needed", ruleId: "E3.1", ...count },
  {
    path: ["exit", "e3VolumePctOfPreInjury"],
    label: "Weekly running of pre-injury volume",
    ruleId: "E3.3",
    kind: "number",
    unit: "%",
    ...positive,
  },
  { path: ["exit", "e3CleanDays"], label: "Days without a red volume or spike flag", ruleId: "E3.3", kind: "number", unit: "days", ...positive },
  { path: ["exit", "e4FullTrainingWeeks"], label: "Full training", ruleId: "E4.2", kind: "number", unit: "weeks", ...positive },
  { path: ["exit", "e4VisaHMin"], label: "Lowest VISA-H score to return", ruleId: "E4.3", kind: "number", unit: "points" },
  // VISA-H, gait, reporting
  { path: ["visaH", "meaningfulChange"], label: "Meaningful VISA-H change", ruleId: "VISA-H", kind: "number", unit: "points", ...positive },
  { path: ["visaH", "reminderIntervalDays"], label: "VISA-H reminder every", ruleId: "VISA-H", kind: "number", unit: "days", ...positive },
  {
    path: ["visaH", "validityDays"],
    label: "VISA-H counts for exit criteria for",
    ruleId: "VISA-H",
    kind: "number",
    unit: "days",
    ...positive,
    hint: "An older questionnaire leaves E2.6 and E4.3 unknown until a new one is done.",
  },
  { path: ["gait", "minEasyCadence"], label: "Lowest easy-pace cadence", ruleId: "Gait", kind: "number", unit: "steps/min", ...positive },
  { path: ["gait", "belowUsualPct"], label: "Cadence below the usual", ruleId: "Gait", kind: "number", unit: "%", ...positive },
  { path: ["flags", "lookbackDays"], label: "Session flags look back", ruleId: "Flags", kind: "number", unit: "days", ...positive },
  {
    path: ["flags", "plannedLookaheadDays"],
    label: "Planned squad sessions look ahead",
    ruleId: "Flags",
    kind: "number",
    unit: "days",
    ...positive,
  },
];

/** The key of a field in form state and in server field errors (after "body.thresholds."). */
export const thresholdFieldKey = (path: readonly string[]): string => path.join(".");

/**
 * The value at a threshold path in complete thresholds or in a plan's (partial) overrides.
 * @returns the leaf, or undefined when the overrides leave it out
 */
export function thresholdValueAt(
  source: Readonly<Thresholds> | ThresholdOverrides | null | undefined,
  path: readonly string[],
): ThresholdLeafValue | undefined {
  let node: unknown = source;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === "number" || typeof node === "boolean" || typeof node === "string" ? node : undefined;
}

/**
 * Builds a plan's threshold overrides from the values an editor holds, keyed by
 * `thresholdFieldKey`. Undefined values are left out (the engine's default applies). A nested
 * profile (pain.pht, pain.silbernagel) must be given whole, so its other fields are filled in
 * from the defaults when only some are set.
 */
export function buildThresholdOverrides(values: Readonly<Record<string, ThresholdLeafValue | undefined>>): ThresholdOverrides {
  const out: Record<string, Record<string, unknown>> = {};
  for (const field of thresholdFields) {
    const value = values[thresholdFieldKey(field.path)];
    if (value === undefined) continue;
    const [group, key, leaf] = field.path;
    const target = (out[group] ??= {});
    if (leaf === undefined) {
      target[key as string] = value;
      continue;
    }
    const defaults = thresholdValueParent(group, key as string);
    const nested = (target[key as string] ??= { ...defaults }) as Record<string, unknown>;
    nested[leaf] = value;
  }
  return out;
}

function thresholdValueParent(group: ThresholdGroupId, key: string): Record<string, unknown> {
  return (defaultThresholds[group] as Record<string, unknown>)[key] as Record<string, unknown>;
}
