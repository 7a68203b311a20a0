import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { rowsOf } from "../job-sql";
import { migrationsFolder } from "../paths";
import { JOB_SCHEMA } from "./jobs";

/** The newest migration this build ships (its journal timestamp, as drizzle records it). */
export function expectedMigration(migrationsDir?: string): {
  count: number;
  createdAt: number;
} {
  const journal = JSON.parse(
    readFileSync(path.join(migrationsFolder(migrationsDir), "meta", "_journal.json"), "utf8"),
  ) as { entries: { when: number }[] };
  return {
    count: journal.entries.length,
    createdAt: Math.max(0, ...journal.entries.map((e) => e.when)),
  };
}

/** The newest migration applied to this database (drizzle's own bookkeeping table), or null. */
export async function appliedMigration(db: Database): Promise<{ count: number; createdAt: number } | null> {
  const rows = rowsOf(
    await db.execute(
      sql`select count(*)::int as count, max(created_at)::bigint as created_at from drizzle.__drizzle_migrations`,
    ),
  );
  const row = rows[0];
  if (!row || Number(row.count) === 0) return null;
  return { count: Number(row.count), createdAt: Number(row.created_at) };
}

/** The job queue's schema version, or null when the queue is not installed. */
export async function jobQueueVersion(db: Database): Promise<number | null> {
  const [present] = rowsOf(
    await db.execute(sql`select to_regclass(${`${JOB_SCHEMA}.version`}) is not null as present`),
  );
  if (!present?.present) return null;
  const [row] = rowsOf(await db.execute(sql`select version from ${sql.raw(JOB_SCHEMA)}.version limit 1`));
  return row ? Number(row.version) : null;
}

/** A round trip to the server. */
export async function ping(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}
