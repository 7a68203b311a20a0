import type PgBoss from "pg-boss";
import type { Database } from "@loadline/db";
import { eraseArchivedPastRetention } from "../services/athlete-erasure";
import { inSpan } from "../telemetry";

/** The queue of the retention job: erase athletes archived longer than their club keeps them. */
export const RETENTION_QUEUE = "erase-archived-athletes";

/**
 * Once a day at 03:17 UTC (a quiet hour in most clubs' zones; off the full hour other cron jobs
 * crowd). A club's setting is in months, so a day's delay is well inside it.
 */
export const RETENTION_CRON = "17 3 * * *";

/**
 * One job at a time, never retried in a burst: a run that fails is simply the next day's work,
 * and the erasure is idempotent, so a run delivered twice erases nobody twice.
 */
export const RETENTION_QUEUE_OPTIONS = { policy: "singleton", retryLimit: 2, retryDelay: 600, expireInSeconds: 3_600 } as const satisfies Omit<PgBoss.Queue, "name">;

/** Install the queue and its daily schedule (pg-boss keeps one schedule per queue: idempotent). */
export async function scheduleRetention(boss: PgBoss): Promise<void> {
  await boss.createQueue(RETENTION_QUEUE, { name: RETENTION_QUEUE, ...RETENTION_QUEUE_OPTIONS });
  await boss.schedule(RETENTION_QUEUE, RETENTION_CRON, {}, { tz: "UTC" });
}

/** The job's work, at the worker's clock (tests pass a fixed one). */
export function runRetention(db: Database, now: Date): Promise<{ erased: number }> {
  return inSpan("job erase-archived-athletes", { "messaging.system": "pg-boss" }, () => eraseArchivedPastRetention(db, now));
}
