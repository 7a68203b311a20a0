import "server-only";
import { ensureInlineWorker } from "@loadline/api";
import { hashPassword } from "@loadline/auth/password";
import { getDatabase, type Database, type DatabaseHandle } from "@loadline/db";
import { seedDemoClub } from "@loadline/db/seed";
import { env } from "@/env";

/**
 * The app's database; an empty embedded database gets the demo club on first start, unless
 * LOADLINE_DEMO=false (then the first visitor sets up their own club at /setup). The
 * re-assessment worker starts with it when this process should run one (always on the embedded
 * database, on PostgreSQL only with LOADLINE_INLINE_WORKER=true); requests never wait for it.
 */
export async function getDb(): Promise<Database> {
  return (await getDbHandle()).db;
}

/** The database with its driver details (pool figures for metrics). */
export async function getDbHandle(): Promise<DatabaseHandle> {
  const seedIfEmpty = env.LOADLINE_DEMO ? (db: Database) => seedDemoClub(db, { now: new Date(), hashPassword }).then(() => undefined) : undefined;
  const handle = await getDatabase(seedIfEmpty ? { seedIfEmpty } : {});
  void ensureInlineWorker(handle);
  return handle;
}
