import { inArray, sql } from "drizzle-orm";
import { THROTTLE_LOCK_FAILURES, THROTTLE_LOCK_MINUTES, THROTTLE_WINDOW_MINUTES, type ThrottleState } from "@loadline/domain";
import type { Database } from "../client";
import { authThrottles } from "../schema";

/** The throttle rows of these keys (missing keys have no recent failure). */
export async function readThrottles(db: Database, keys: string[]): Promise<Map<string, ThrottleState>> {
  if (keys.length === 0) return new Map();
  const rows = await db.select().from(authThrottles).where(inArray(authThrottles.key, keys));
  return new Map(rows.map(({ key, ...state }) => [key, state]));
}

/**
 * Count one failure for each key in one atomic upsert: a failure after the window restarts the
 * count at 1, and reaching the lock threshold sets `locked_until`. Two replicas failing at once
 * both count, because the row is updated in place.
 */
export async function recordThrottleFailure(db: Database, keys: string[], now: Date): Promise<void> {
  if (keys.length === 0) return;
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000).toISOString();
  const lockedUntil = new Date(now.getTime() + THROTTLE_LOCK_MINUTES * 60_000).toISOString();
  const nextFailures = sql`case when ${authThrottles.lastFailureAt} <= ${windowStart}::timestamptz then 1 else ${authThrottles.failures} + 1 end`;
  await db
    .insert(authThrottles)
    .values(keys.map((key) => ({ key, failures: 1, lastFailureAt: now, lockedUntil: null })))
    .onConflictDoUpdate({
      target: authThrottles.key,
      set: {
        failures: nextFailures,
        lastFailureAt: now,
        lockedUntil: sql`case when ${nextFailures} >= ${THROTTLE_LOCK_FAILURES} then ${lockedUntil}::timestamptz else ${authThrottles.lockedUntil} end`,
      },
    });
}

/** Forget the failures of these keys (a successful sign-in clears its account's count). */
export async function clearThrottles(db: Database, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.delete(authThrottles).where(inArray(authThrottles.key, keys));
}
