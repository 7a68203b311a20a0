/**
 * Whether a run's figures are believable, so a damaged or mislabelled file does not quietly
 * fill the log with an impossible run. These are warnings the athlete may override (a
 * walk-run can be slow, a track session fast), never refusals.
 */
export const PLAUSIBLE_PACE_MIN_PER_KM = { fastest: 2.5, slowest: 15 } as const;

/** Longer than this is more likely two runs, or a watch left recording, than one run. */
export const PLAUSIBLE_RUN_MAX_MINUTES = 6 * 60;

/** 7.25 -> "7:15". */
export function formatPace(minPerKm: number): string {
  const whole = Math.floor(minPerKm);
  const seconds = Math.round((minPerKm - whole) * 60);
  return seconds === 60 ? `${whole + 1}:00` : `${whole}:${String(seconds).padStart(2, "0")}`;
}

function formatDuration(minutes: number): string {
  if (minutes < 120) return `${Math.round(minutes)} minutes`;
  return `${Math.round(minutes / 60)} hours`;
}

/** Plain sentences about anything implausible in a run's distance and duration (none if fine). */
export function runPlausibility(run: { distanceKm: number | null | undefined; minutes: number | null | undefined }): string[] {
  const warnings: string[] = [];
  const { distanceKm, minutes } = run;
  if (minutes !== null && minutes !== undefined && minutes > PLAUSIBLE_RUN_MAX_MINUTES) {
    warnings.push(`This run lasts ${formatDuration(minutes)}, longer than a single run usually takes. The watch may have kept recording after you stopped.`);
  }
  if (distanceKm && minutes && distanceKm > 0 && minutes > 0) {
    const pace = minutes / distanceKm;
    if (pace < PLAUSIBLE_PACE_MIN_PER_KM.fastest) {
      warnings.push(`${distanceKm} km in ${formatDuration(minutes)} is a pace of ${formatPace(pace)} min/km, faster than ${formatPace(PLAUSIBLE_PACE_MIN_PER_KM.fastest)}. Check the distance and the duration.`);
    } else if (pace > PLAUSIBLE_PACE_MIN_PER_KM.slowest) {
      warnings.push(`${distanceKm} km in ${formatDuration(minutes)} is a pace of ${formatPace(pace)} min/km, slower than ${formatPace(PLAUSIBLE_PACE_MIN_PER_KM.slowest)}. Check the distance and the duration.`);
    }
  }
  return warnings;
}
