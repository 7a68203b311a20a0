import type { RecordedSport } from "@loadline/domain";

/**
 * Watches store running cadence per leg (strides per minute, ~80-95), while the run log wants
 * steps per minute. Only a running file whose value is below this is doubled (team default):
 * a ride's 68 rpm is pedal revolutions, not half a step count.
 */
export const SINGLE_LEG_BELOW = 130;

/** Which average the form shows, so the athlete can compare it with the watch. */
export type CadenceSource = "device" | "moving";

/** Steps per minute from a recorded cadence value, or null when it is not running cadence. */
export function stepsPerMinute(value: number | null, sport: RecordedSport): number | null {
  if (value === null || value <= 0) return null;
  // A file that does not name its sport may be a ride: only a value that is already a step
  // count can be trusted there.
  if (sport === "unknown") return value >= SINGLE_LEG_BELOW ? value : null;
  if (sport !== "running") return null;
  return value < SINGLE_LEG_BELOW ? value * 2 : value;
}

/**
 * Cadence for the form: the device's own session average when the file has one (it is what
 * the watch shows, stops included), else the mean of the readings while moving (zeros, i.e.
 * standing still, left out), which runs a little above the watch's figure.
 */
export function cadenceSummary(deviceAverage: number | null, readings: readonly (number | null)[], sport: RecordedSport): { spm: number | null; source: CadenceSource | null } {
  const fromDevice = stepsPerMinute(deviceAverage, sport);
  if (fromDevice !== null && fromDevice >= 60 && fromDevice <= 260) return { spm: Math.round(fromDevice), source: "device" };
  let sum = 0;
  let n = 0;
  for (const v of readings) {
    if (v !== null && v > 0) {
      sum += v;
      n += 1;
    }
  }
  const spm = n === 0 ? null : stepsPerMinute(sum / n, sport);
  return spm !== null && spm >= 60 && spm <= 260 ? { spm: Math.round(spm), source: "moving" } : { spm: null, source: null };
}
