import { and, asc, eq, gt, isNull, ne, or, sql } from "drizzle-orm";
import type { Database, Transaction } from "../client";
import { rowsOf } from "../job-sql";
import { assessmentSnapshots, athleteProfiles } from "../schema";

/** The schema pg-boss installs its tables in (its default). */
export const JOB_SCHEMA = "pgboss";

/** A PostgreSQL array literal of these texts, each quoted (the planner then knows its length). */
function textArrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

/**
 * The condition that lets PostgreSQL find a stately queue's open jobs by key in pg-boss's own
 * unique index (name, state, coalesce(singleton_key, '')) where state <= 'active' and policy =
 * 'stately', instead of scanning every job of the queue (5 ms at 10,000 jobs, on every submit).
 */
const openStatelyJob = (queue: string) => sql`j.name = ${queue} AND j.policy = 'stately'`;

/**
 * Move pending scheduled jobs of a stately queue to a new start time. pg-boss keeps the first
 * of two jobs with the same key and drops the second; for a scheduled re-assessment the later
 * snapshot's time is the right one, so the kept job takes it. One statement whatever the number
 * of jobs; the keys travel as array literals so the planner sees how many there are (a JSON
 * record set is always guessed at 100 rows, which chose a scan of the whole queue).
 */
export async function rescheduleJobs(db: Database | Transaction, queue: string, jobs: { singletonKey: string; startAfter: Date }[]): Promise<void> {
  if (jobs.length === 0) return;
  const keys = textArrayLiteral(jobs.map((j) => j.singletonKey));
  const ats = textArrayLiteral(jobs.map((j) => j.startAfter.toISOString()));
  await db.execute(sql`
    UPDATE ${sql.raw(JOB_SCHEMA)}.job AS j SET start_after = v.at
    FROM unnest(${keys}::text[], ${ats}::timestamptz[]) AS v(key, at)
    WHERE ${openStatelyJob(queue)} AND j.state = 'created' AND coalesce(j.singleton_key, '') = v.key AND j.start_after <> v.at`);
}

export interface OutdatedSnapshot {
  organisationId: string;
  athleteId: string;
  computedAt: Date;
}

/**
 * Snapshots computed by another engine version, oldest first, a page at a time (keyset on
 * computed_at then athlete id, so pages stay cheap however many there are).
 */
export async function outdatedSnapshots(
  db: Database,
  engineVersion: string,
  after: { computedAt: Date; athleteId: string } | null,
  limit: number,
): Promise<OutdatedSnapshot[]> {
  const s = assessmentSnapshots;
  return db
    .select({ organisationId: s.organisationId, athleteId: s.athleteId, computedAt: s.computedAt })
    .from(s)
    .where(
      and(
        ne(s.engineVersion, engineVersion),
        after ? or(gt(s.computedAt, after.computedAt), and(eq(s.computedAt, after.computedAt), gt(s.athleteId, after.athleteId))) : undefined,
      ),
    )
    .orderBy(asc(s.computedAt), asc(s.athleteId))
    .limit(limit);
}

/**
 * Active athletes with no snapshot at all (a seeded or imported club, a database restored from
 * before snapshots), a page at a time in id order.
 */
export async function athletesWithoutSnapshot(db: Database, afterAthleteId: string | null, limit: number): Promise<{ organisationId: string; athleteId: string }[]> {
  const a = athleteProfiles;
  return db
    .select({ organisationId: a.organisationId, athleteId: a.id })
    .from(a)
    .leftJoin(assessmentSnapshots, eq(assessmentSnapshots.athleteId, a.id))
    .where(and(isNull(assessmentSnapshots.athleteId), isNull(a.archivedAt), afterAthleteId ? gt(a.id, afterAthleteId) : undefined))
    .orderBy(asc(a.id))
    .limit(limit);
}

/** Which of these keys of a stately queue have a job waiting, waiting for a retry, or running (one query). */
export async function keysWithOpenJobs(db: Database, queue: string, singletonKeys: string[]): Promise<Set<string>> {
  if (singletonKeys.length === 0) return new Set();
  const result = await db.execute(sql`
    SELECT DISTINCT j.singleton_key FROM ${sql.raw(JOB_SCHEMA)}.job AS j
    WHERE ${openStatelyJob(queue)} AND j.state IN ('created', 'retry', 'active')
      AND coalesce(j.singleton_key, '') IN (${sql.join(singletonKeys.map((k) => sql`${k}`), sql`, `)})`);
  return new Set(rowsOf(result).map((r) => String(r.singleton_key)));
}

export interface JobRow {
  id: string;
  singletonKey: string | null;
  state: "created" | "retry" | "active" | "completed" | "cancelled" | "failed";
  retryCount: number;
  startAfter: Date;
  createdOn: Date;
  data: unknown;
}

/** Every job of a queue still in pg-boss's job table (tests and operators' checks). */
export async function listJobs(db: Database, queue: string): Promise<JobRow[]> {
  const result = await db.execute(sql`
    SELECT id::text AS id, singleton_key, state::text AS state, retry_count, start_after, created_on, data
    FROM ${sql.raw(JOB_SCHEMA)}.job WHERE name = ${queue} ORDER BY created_on, id`);
  return rowsOf(result).map((r) => ({
    id: String(r.id),
    singletonKey: typeof r.singleton_key === "string" ? r.singleton_key : null,
    state: String(r.state) as JobRow["state"],
    retryCount: Number(r.retry_count),
    startAfter: new Date(r.start_after as string | Date),
    createdOn: new Date(r.created_on as string | Date),
    data: r.data,
  }));
}

/** The database's own clock (pg-boss decides whether a job is due by it, not by the app's). */
export async function databaseNow(db: Database): Promise<Date> {
  const [row] = rowsOf(await db.execute(sql`SELECT clock_timestamp() AS now`));
  return new Date(row?.now as string | Date);
}
