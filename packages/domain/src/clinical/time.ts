/** Time arithmetic on epoch milliseconds; the engine converts every Date once, up front. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Orders ids by code unit (locale-independent), so ties in time break the same way everywhere. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders dated records by time, then id: the one deterministic order the engine uses. */
export function compareRecords(a: { at: Date; id: string }, b: { at: Date; id: string }): number {
  return a.at.getTime() - b.at.getTime() || compareIds(a.id, b.id);
}

/** The latest record at or before `now` (ties broken by id), or undefined. */
export function latestRecord<T extends { at: Date; id: string }>(records: readonly T[], now: number): T | undefined {
  let latest: T | undefined;
  for (const record of records) {
    if (record.at.getTime() > now) continue;
    if (!latest || compareRecords(record, latest) > 0) latest = record;
  }
  return latest;
}

/** First index whose value is > `value` in an ascending array (binary search). */
export function upperBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Rounds to 6 decimals before a threshold comparison, so that binary floating point does not
 * turn an exact 10 % increase (e.g. 11/10) into 10.000000000000002 % and flip its zone.
 */
export function stable(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Percentage change from `previous` to `current`, or null when there is no base to compare. */
export function percentChange(previous: number, current: number): number | null {
  if (previous <= 0) return null;
  return stable(((current - previous) / previous) * 100);
}
