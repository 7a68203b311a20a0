import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { pgliteJobSql, postgresJobSql, registerJobSql, type JobSql } from "./job-sql";
import { migrationsFolder } from "./paths";
import * as schema from "./schema";

/** What every query function takes first: a Drizzle database, embedded or server. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction on a `Database`, for query functions that must run inside one. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** The job queue's way into this database (pg-boss's `db` adapter), outside transactions. */
  jobSql: JobSql;
  /** Apply the committed migrations (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The server's URL (PostgreSQL only): a test hands it to a child worker process. */
  url?: string;
  /** The embedded database's files as one tar (PGlite only), to restore a migrated copy fast. */
  dump?: () => Promise<Blob>;
}

/**
 * Embedded PostgreSQL (PGlite). `dataDir` undefined means in memory (tests).
 * PGlite allows one connection and does not lock its folder: open it once per process.
 */
export async function openPglite(
  options: { dataDir?: string; migrationsDir?: string; loadDataDir?: Blob } = {},
): Promise<DatabaseHandle> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite(options.dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  await client.waitReady;
  const db = drizzlePglite({ client, schema });
  const jobSql = pgliteJobSql(client);
  registerJobSql(db, jobSql);
  return {
    db,
    kind: "pglite",
    jobSql,
    migrate: () => migratePglite(db, { migrationsFolder: migrationsFolder(options.migrationsDir) }),
    close: () => client.close(),
    dump: () => client.dumpDataDir("none"),
  };
}

/** A PostgreSQL server over TCP (postgres-js). */
export function openPostgres(url: string, options: { migrationsDir?: string; max?: number } = {}): DatabaseHandle {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema });
  const jobSql = postgresJobSql(client);
  registerJobSql(db, jobSql);
  return {
    db,
    kind: "postgres",
    url,
    jobSql,
    migrate: () => migratePostgres(db, { migrationsFolder: migrationsFolder(options.migrationsDir) }),
    close: () => client.end({ timeout: 5 }),
  };
}
