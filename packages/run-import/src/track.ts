/** One sample of a recorded activity, whatever the file format. */
export interface TrackPoint {
  time: Date | null;
  lat: number | null;
  lon: number | null;
  elevationM: number | null;
  /** Cumulative distance the device recorded, in metres, when the file has it. */
  distanceM: number | null;
  /** Cadence as recorded (running files store steps of one leg per minute, rides pedal rpm). */
  cadence: number | null;
  /**
   * Which unbroken piece of track the point belongs to (a GPX track or segment, a TCX Track).
   * Nothing is measured across a change of segment: the gap between two is a pause, a lost
   * signal or another day, not a straight line the athlete ran.
   */
  segment: number;
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

/** Consecutive runs of points that share a segment number, as index ranges [start, end). */
export function segmentRanges(points: readonly TrackPoint[]): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= points.length; i += 1) {
    if (i === points.length || points[i]!.segment !== points[start]!.segment) {
      if (i > start) ranges.push([start, i]);
      start = i;
    }
  }
  return ranges;
}

/**
 * Distance along the activity (m) at each point, null where it is unknown. Within a segment the
 * device's own distance is used when most points carry it (it counts foot-pod and wheel metres
 * the GPS misses; the odd point without it, such as the first before a fix, is skipped), else
 * positions. A new segment carries on from where the last one ended.
 */
export function distanceAlong(points: readonly TrackPoint[]): (number | null)[] {
  const out: (number | null)[] = new Array<number | null>(points.length).fill(null);
  let carried = 0;
  for (const [start, end] of segmentRanges(points)) {
    let covered = 0;
    let withDistance = 0;
    for (let i = start; i < end; i += 1) if (points[i]!.distanceM !== null) withDistance += 1;
    if (withDistance * 2 > end - start) {
      let first: number | null = null;
      for (let i = start; i < end; i += 1) {
        const d = points[i]!.distanceM;
        if (d === null) continue;
        first ??= d;
        // A device counter never runs backwards; a reset would otherwise subtract distance.
        covered = Math.max(covered, d - first);
        out[i] = carried + covered;
      }
    } else {
      let last: TrackPoint | null = null;
      for (let i = start; i < end; i += 1) {
        const p = points[i]!;
        if (p.lat === null || p.lon === null) continue;
        if (last && last.lat !== null && last.lon !== null) covered += haversineM(last.lat, last.lon, p.lat, p.lon);
        last = p;
        out[i] = carried + covered;
      }
    }
    carried += covered;
  }
  return out;
}

/** Total distance of the track in metres (segments summed, gaps left out), or null. */
export function trackDistanceM(along: readonly (number | null)[]): number | null {
  for (let i = along.length - 1; i >= 0; i -= 1) {
    const d = along[i];
    if (d !== null && d !== undefined) return d;
  }
  return null;
}

/**
 * Timestamps are trusted for the duration only when at least this share of the points carry
 * one: a handful of timed waypoints in an otherwise untimed track says nothing about how long
 * the run took (one real file had 5 timed points out of 296 and read "1.0 min").
 */
export const MIN_TIMED_SHARE = 0.8;

/** How many points carry a valid time. */
export function timedPoints(points: readonly TrackPoint[]): number {
  return points.reduce((n, p) => (p.time !== null && !Number.isNaN(p.time.getTime()) ? n + 1 : n), 0);
}

/** Whether the timestamps are numerous enough to time the activity (see MIN_TIMED_SHARE). */
export function timestampsUsable(points: readonly TrackPoint[]): boolean {
  return points.length >= 2 && timedPoints(points) >= MIN_TIMED_SHARE * points.length;
}

/** Seconds from the first to the last timestamp, pauses and gaps included. */
export function elapsedSeconds(points: readonly TrackPoint[]): number | null {
  let first = Infinity;
  let last = -Infinity;
  for (const p of points) {
    const t = p.time?.getTime() ?? NaN;
    if (Number.isNaN(t)) continue;
    first = Math.min(first, t);
    last = Math.max(last, t);
  }
  const s = (last - first) / 1000;
  return Number.isFinite(s) && s > 0 ? s : null;
}

/**
 * Below this speed (m/s) a stretch counts as standing still: slower than the slowest walk,
 * faster than the drift of a GPS fix on a parked watch.
 */
export const MOVING_SPEED_MS = 0.5;

/**
 * Seconds spent moving: the sum of the steps between consecutive timed points of one segment
 * covered at MOVING_SPEED_MS or faster. Null when the track has no distances to judge by.
 */
export function movingSeconds(points: readonly TrackPoint[], along: readonly (number | null)[]): number | null {
  let moving = 0;
  let judged = false;
  for (const [start, end] of segmentRanges(points)) {
    let prev: { t: number; d: number } | null = null;
    for (let i = start; i < end; i += 1) {
      const t = points[i]!.time?.getTime();
      const d = along[i];
      if (t === undefined || Number.isNaN(t) || d === null || d === undefined) continue;
      if (prev) {
        const dt = (t - prev.t) / 1000;
        judged = true;
        if (dt > 0 && (d - prev.d) / dt >= MOVING_SPEED_MS) moving += dt;
      }
      prev = { t, d };
    }
  }
  return judged ? moving : null;
}
