import { segmentRanges, type TrackPoint } from "./track";

/**
 * Elevation is averaged over this window of distance (centred, so 40 m either side) before
 * anything is measured: GPS altitude jumps by several metres from one second to the next,
 * which over a few metres of track reads as a 50 % wall. At a running pace of 1 point a second
 * that is some 25 points; a track with points further apart than 40 m is left as it is.
 */
export const ELEVATION_SMOOTHING_M = 80;

/** Rises and falls smaller than this (m) after smoothing are ignored when adding up the climb. */
const ELEVATION_HYSTERESIS_M = 2;

/**
 * The steepest gradient is the steepest stretch at least this long (team default): shorter
 * stretches are within the error of GPS altitude, and a hill this long is what loads the
 * tendon on a run.
 */
export const GRADIENT_MIN_DISTANCE_M = 200;

interface Sample {
  d: number;
  e: number;
}

/** Per segment, the points with both an elevation and a distance along the track. */
function samplesBySegment(points: readonly TrackPoint[], along: readonly (number | null)[]): Sample[][] {
  return segmentRanges(points)
    .map(([start, end]) => {
      const out: Sample[] = [];
      for (let i = start; i < end; i += 1) {
        const e = points[i]!.elevationM;
        const d = along[i];
        if (e !== null && d !== null && d !== undefined) out.push({ d, e });
      }
      return out;
    })
    .filter((s) => s.length > 0);
}

/** Centred moving average over ELEVATION_SMOOTHING_M of distance (two pointers: linear time). */
export function smoothElevation(samples: readonly Sample[]): Sample[] {
  const half = ELEVATION_SMOOTHING_M / 2;
  const out: Sample[] = [];
  let lo = 0;
  let hi = 0;
  let sum = 0;
  for (const s of samples) {
    while (hi < samples.length && samples[hi]!.d <= s.d + half) sum += samples[hi++]!.e;
    while (samples[lo]!.d < s.d - half) sum -= samples[lo++]!.e;
    out.push({ d: s.d, e: sum / (hi - lo) });
  }
  return out;
}

/**
 * Climb with hysteresis: a rise counts once it is more than ELEVATION_HYSTERESIS_M above the
 * last low, then all of it up to the top; a dip smaller than that inside a climb is ignored.
 */
function gainOf(samples: readonly Sample[]): number {
  let gain = 0;
  let low = samples[0]!.e;
  let high = low;
  let climbing = false;
  for (const { e } of samples) {
    if (climbing) {
      if (e > high) {
        gain += e - high;
        high = e;
      } else if (e < high - ELEVATION_HYSTERESIS_M) {
        climbing = false;
        low = e;
      }
    } else if (e < low) {
      low = e;
    } else if (e > low + ELEVATION_HYSTERESIS_M) {
      climbing = true;
      gain += e - low;
      high = e;
    }
  }
  return gain;
}

export interface SteepestClimb {
  /** Uphill gradient in %, capped at the domain's 50. */
  pct: number;
  /** Where the stretch starts and ends, in km along the activity. */
  fromKm: number;
  toKm: number;
}

function steepestOf(samples: readonly Sample[]): { grade: number; from: number; to: number } | null {
  let best: { grade: number; from: number; to: number } | null = null;
  let start = 0;
  for (let end = 1; end < samples.length; end += 1) {
    // The shortest stretch ending here that is still at least GRADIENT_MIN_DISTANCE_M long.
    while (start + 1 < end && samples[end]!.d - samples[start + 1]!.d >= GRADIENT_MIN_DISTANCE_M) start += 1;
    const run = samples[end]!.d - samples[start]!.d;
    if (run < GRADIENT_MIN_DISTANCE_M) continue;
    const grade = ((samples[end]!.e - samples[start]!.e) / run) * 100;
    if (best === null || grade > best.grade) best = { grade, from: samples[start]!.d, to: samples[end]!.d };
  }
  return best;
}

export interface ElevationSummary {
  /** Climb in metres from the smoothed elevation, or null without elevation and distance. */
  gainM: number | null;
  steepest: SteepestClimb | null;
}

/** Climb and steepest stretch from smoothed elevation, segment by segment (never across a gap). */
export function elevationSummary(points: readonly TrackPoint[], along: readonly (number | null)[]): ElevationSummary {
  const segments = samplesBySegment(points, along).map(smoothElevation);
  const withClimb = segments.filter((s) => s.length >= 2);
  const gainM = withClimb.length === 0 ? null : Math.round(withClimb.reduce((sum, s) => sum + gainOf(s), 0));
  let best: { grade: number; from: number; to: number } | null = null;
  for (const s of segments) {
    const found = steepestOf(s);
    if (found && (best === null || found.grade > best.grade)) best = found;
  }
  // A flat or downhill activity has no climb to point at.
  const steepest: SteepestClimb | null =
    best !== null && best.grade > 0
      ? { pct: Math.round(Math.min(50, best.grade) * 10) / 10, fromKm: Math.round(best.from / 100) / 10, toKm: Math.round(best.to / 100) / 10 }
      : null;
  return { gainM, steepest };
}
