import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { pgliteJobSql, postgresJobSql, registerJobSql, type JobSql } from "./job-sql";
import { gatePool, type PoolStats } from "./pool-gate";
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
  /** The connection pool's use right now (PostgreSQL only), for metrics. */
  poolStats?: () => PoolStats;
}

/**
 * Limits that make a database outage a fast, clear failure instead of a hang, and let the pool
 * recover by itself once the server is back (measured in scripts/fault-test.mjs):
 * - a connection attempt gives up after 3 s (the driver's default is 30 s);
 * - a request waits at most 5 s for a free connection (`gatePool`);
 * - a statement runs at most 10 s, so one slow query cannot hold a connection for ever;
 * - idle connections close after 20 s and every connection is replaced after 30 min, so a
 *   connection that silently died with a restarted server is not kept;
 * - a closed connection reconnects after at most 1 s. The driver's default backoff grows with
 *   every failed attempt, counted across the pool (3^n / 100 s, up to 20 s): after a 3 s outage
 *   requests still waited 10-20 s for a reconnect, well after the server was back.
 */
export const POOL_LIMITS = {
  connectTimeoutSeconds: 3,
  acquireMs: 5_000,
  statementTimeoutMs: 10_000,
  idleTimeoutSeconds: 20,
  maxLifetimeSeconds: 30 * 60,
  reconnectBackoffMaxSeconds: 1,
} as const;

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

/** A PostgreSQL server over TCP (postgres-js), with the limits of `POOL_LIMITS`. */
export function openPostgres(url: string, options: { migrationsDir?: string; max?: number; prepare?: boolean } = {}): DatabaseHandle {
  const max = options.max ?? 10;
  const raw = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: POOL_LIMITS.connectTimeoutSeconds,
    idle_timeout: POOL_LIMITS.idleTimeoutSeconds,
    max_lifetime: POOL_LIMITS.maxLifetimeSeconds,
    backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, POOL_LIMITS.reconnectBackoffMaxSeconds),
    connection: { statement_timeout: POOL_LIMITS.statementTimeoutMs },
  });
  const { client, stats } = gatePool(raw, { size: max, acquireMs: POOL_LIMITS.acquireMs, prepare: options.prepare ?? true });
  const db = drizzlePostgres({ client, schema });
  const jobSql = postgresJobSql(client);
  registerJobSql(db, jobSql);
  return {
    db,
    kind: "postgres",
    url,
    jobSql,
    // Migrations run on a connection of their own without the statement timeout: building an
    // index on a large table may take longer than any request should.
    migrate: async () => {
      const migrator = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: POOL_LIMITS.connectTimeoutSeconds });
      try {
        await migratePostgres(drizzlePostgres({ client: migrator, schema }), { migrationsFolder: migrationsFolder(options.migrationsDir) });
      } finally {
        await migrator.end({ timeout: 5 });
      }
    },
    close: () => raw.end({ timeout: 5 }),
    poolStats: stats,
  };
}
