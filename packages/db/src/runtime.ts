import { openPglite, openPostgres, type Database, type DatabaseHandle } from "./client";
import { readDbEnv } from "./env";
import { defaultDataDir } from "./paths";

export interface RuntimeOptions {
  /** Called once after migrating an embedded database that holds no organisation yet. */
  seedIfEmpty?: (db: Database) => Promise<void>;
}

const key = Symbol.for("loadline.database");
const hooksKey = Symbol.for("loadline.database.shutdown");
type Hooks = { [hooksKey]?: (() => Promise<void>)[] };
const hooks = globalThis as Hooks;

/**
 * Run `hook` on SIGTERM/SIGINT before the process database closes (a worker stops fetching and
 * finishes its batch there). Hooks run one after another, latest first; a failing one is logged.
 */
export function onDatabaseShutdown(hook: () => Promise<void>): void {
  (hooks[hooksKey] ??= []).push(hook);
}

async function runShutdownHooks(): Promise<void> {
  for (const hook of [...(hooks[hooksKey] ?? [])].reverse()) {
    try {
      await hook();
    } catch (error) {
      console.error("shutdown hook failed", error);
    }
  }
}
type Slot = { [key]?: Promise<DatabaseHandle> };
const slot = globalThis as Slot;

/**
 * The process-wide database: PGlite under the repository when DATABASE_URL is unset,
 * a PostgreSQL server otherwise. Migrated at first use.
 *
 * Cached on globalThis because Next evaluates server modules more than once per process
 * (pages and route handlers), and two PGlite instances on one folder lose writes. Nothing
 * opens at import time, and a failed start is not cached so the next request retries.
 */
export function getDatabase(options: RuntimeOptions = {}): Promise<DatabaseHandle> {
  const existing = slot[key];
  if (existing) return existing;
  const starting = start(options).catch((error: unknown) => {
    delete slot[key];
    throw error;
  });
  slot[key] = starting;
  return starting;
}

async function start(options: RuntimeOptions): Promise<DatabaseHandle> {
  const env = readDbEnv();
  const handle = env.DATABASE_URL
    ? openPostgres(env.DATABASE_URL, { migrationsDir: env.LOADLINE_MIGRATIONS_DIR, prepare: env.LOADLINE_DB_PREPARE })
    : await openPglite({ dataDir: defaultDataDir(env.LOADLINE_DATA_DIR), migrationsDir: env.LOADLINE_MIGRATIONS_DIR });
  // The embedded database always migrates: nothing else can (one process per data folder).
  if (env.LOADLINE_MIGRATE_ON_START || handle.kind === "pglite") await handle.migrate();
  if (handle.kind === "pglite" && options.seedIfEmpty) {
    const anyOrganisation = await handle.db.query.organisations.findFirst({ columns: { id: true } });
    if (!anyOrganisation) await options.seedIfEmpty(handle.db);
  }
  // Stop what uses the database first (a worker finishes its batch), then close PGlite cleanly
  // so its files are consistent at the next start.
  const closeAndExit = () =>
    void runShutdownHooks()
      .then(() => handle.close())
      .finally(() => process.exit(0));
  process.once("SIGTERM", closeAndExit);
  process.once("SIGINT", closeAndExit);
  return handle;
}
