import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { rowsOf } from "../job-sql";
import { JOB_SCHEMA } from "./jobs";

/**
 * Figures for operators, across every organisation: run on the database itself, never inside a
 * tenant transaction. Each is one indexed or small aggregate.
 */

/** Jobs per queue and state that are not finished (waiting, retrying, running). */
export async function queueDepth(db: Database): Promise<{ queue: string; state: string; count: number }[]> {
  const [present] = rowsOf(
    await db.execute(sql`select to_regclass(${`${JOB_SCHEMA}.job`}) is not null as present`),
  );
  if (!present?.present) return [];
  const rows = rowsOf(
    await db.execute(sql`
      select name, state::text as state, count(*)::int as count from ${sql.raw(JOB_SCHEMA)}.job
      where state in ('created', 'retry', 'active') group by name, state`),
  );
  return rows.map((r) => ({
    queue: String(r.name),
    state: String(r.state),
    count: Number(r.count),
  }));
}

/**
 * How far the assessment snapshots lag: the oldest snapshot past its `staleAfter` (seconds past
 * it, 0 when none), and the age of the oldest job still waiting to re-assess someone.
 */
export async function snapshotLag(
  db: Database,
  now: Date,
): Promise<{ overdueSeconds: number; oldestWaitingJobSeconds: number }> {
  const [overdue] = rowsOf(
    await db.execute(
      sql`select coalesce(extract(epoch from (${now.toISOString()}::timestamptz - min(stale_after))), 0)::float8 as s from assessment_snapshots where stale_after < ${now.toISOString()}::timestamptz`,
    ),
  );
  const [present] = rowsOf(
    await db.execute(sql`select to_regclass(${`${JOB_SCHEMA}.job`}) is not null as present`),
  );
  let waiting = 0;
  if (present?.present) {
    const [row] = rowsOf(
      await db.execute(
        sql`select coalesce(extract(epoch from (${now.toISOString()}::timestamptz - min(created_on))), 0)::float8 as s from ${sql.raw(JOB_SCHEMA)}.job where state in ('created', 'retry') and start_after <= ${now.toISOString()}::timestamptz`,
      ),
    );
    waiting = Number(row?.s ?? 0);
  }
  return {
    overdueSeconds: Math.max(0, Number(overdue?.s ?? 0)),
    oldestWaitingJobSeconds: Math.max(0, waiting),
  };
}
