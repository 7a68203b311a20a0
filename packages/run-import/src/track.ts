/** One sample of a recorded run, whatever the file format. */
export interface TrackPoint {
  time: Date | null;
  lat: number | null;
  lon: number | null;
  elevationM: number | null;
  /** Cumulative distance the device recorded, in metres, when the file has it. */
  distanceM: number | null;
  /** Cadence as recorded (running files store steps of one leg per minute). */
  cadence: number | null;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance between two points, in metres. */
export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Cumulative distance (m) at each point: the device's own when every point has it, else from positions. */
export function cumulativeDistances(points: readonly TrackPoint[]): (number | null)[] {
  if (points.length > 0 && points.every((p) => p.distanceM !== null)) return points.map((p) => p.distanceM);
  const out: (number | null)[] = [];
  let total = 0;
  let last: TrackPoint | null = null;
  for (const p of points) {
    if (p.lat === null || p.lon === null) {
      out.push(null);
      continue;
    }
    if (last && last.lat !== null && last.lon !== null) total += haversineM(last.lat, last.lon, p.lat, p.lon);
    last = p;
    out.push(total);
  }
  return out;
}

/** Elevation noise below this (m) is ignored, so GPS jitter does not add climb. */
const ELEVATION_HYSTERESIS_M = 2;

/** Total climb in metres, ignoring wobbles smaller than the hysteresis. */
export function elevationGain(points: readonly TrackPoint[]): number | null {
  const elevations = points.map((p) => p.elevationM).filter((e): e is number => e !== null);
  if (elevations.length < 2) return null;
  let gain = 0;
  let reference = elevations[0]!;
  for (const e of elevations) {
    if (e > reference + ELEVATION_HYSTERESIS_M) {
      gain += e - reference;
      reference = e;
    } else if (e < reference - ELEVATION_HYSTERESIS_M) {
      reference = e;
    } else if (e < reference) {
      reference = Math.min(reference, e);
    }
  }
  return Math.round(gain);
}

/** Gradients are measured over at least this distance, so one noisy sample is not a "wall". */
const GRADIENT_WINDOW_M = 50;

/** Steepest uphill gradient (%) over any stretch of at least 50 m, clamped to the domain's -50..50. */
export function steepestGradient(points: readonly TrackPoint[], distances: readonly (number | null)[]): number | null {
  const samples = points
    .map((p, i) => ({ e: p.elevationM, d: distances[i] ?? null }))
    .filter((s): s is { e: number; d: number } => s.e !== null && s.d !== null);
  if (samples.length < 2) return null;
  let steepest: number | null = null;
  let start = 0;
  for (let end = 1; end < samples.length; end += 1) {
    while (start < end && samples[end]!.d - samples[start + 1]!.d >= GRADIENT_WINDOW_M) start += 1;
    const run = samples[end]!.d - samples[start]!.d;
    if (run < GRADIENT_WINDOW_M) continue;
    const grade = ((samples[end]!.e - samples[start]!.e) / run) * 100;
    if (steepest === null || grade > steepest) steepest = grade;
  }
  if (steepest === null) return null;
  return Math.round(Math.max(-50, Math.min(50, steepest)) * 10) / 10;
}

/**
 * Mean running cadence in steps per minute. Watches store one leg's cadence (strides per minute)
 * for running, so values below 130 are doubled; zeros (standing still) are ignored.
 */
export function meanCadenceSpm(values: readonly (number | null)[]): number | null {
  const moving = values.filter((v): v is number => v !== null && v > 0);
  if (moving.length === 0) return null;
  const mean = moving.reduce((a, b) => a + b, 0) / moving.length;
  const spm = mean < 130 ? mean * 2 : mean;
  return spm >= 60 && spm <= 260 ? Math.round(spm) : null;
}

/** Minutes between the first and last timestamp. */
export function elapsedMinutes(points: readonly TrackPoint[]): number | null {
  const times = points.map((p) => p.time).filter((t): t is Date => t !== null && !Number.isNaN(t.getTime()));
  if (times.length < 2) return null;
  const ms = times[times.length - 1]!.getTime() - times[0]!.getTime();
  return ms > 0 ? Math.round((ms / 60_000) * 10) / 10 : null;
}
