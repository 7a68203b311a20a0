import { appliedMigration, databaseFailureOf, expectedMigration, jobQueueVersion, ping, type Database } from "@loadline/db";
import { startReassessQueue } from "./jobs/reassess-queue";

export interface Check {
  ok: boolean;
  /** What an operator reads: a figure when healthy, the reason otherwise (never SQL). */
  detail: string;
}

export interface Readiness {
  status: "ready" | "not_ready";
  checks: { database: Check; migrations: Check; queue: Check };
}

/** Each check answers within this, so a probe never hangs on a database that does not answer. */
const CHECK_MS = 2_000;

async function within<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A check that ran and found something wrong; its message is safe to show. */
class CheckFailed extends Error {}

async function check(work: () => Promise<string>): Promise<Check> {
  try {
    return { ok: true, detail: await within(CHECK_MS, work) };
  } catch (error) {
    if (error instanceof CheckFailed) return { ok: false, detail: error.message };
    // Drizzle wraps the driver's error; its code is further down the cause chain.
    const code = databaseFailureOf(error)?.sqlState ?? (error as { code?: unknown }).code;
    // Driver codes (ECONNREFUSED, 57P03 ...) say enough; driver messages may hold SQL.
    return {
      ok: false,
      detail:
        typeof code === "string"
          ? `unreachable (${code})`
          : error instanceof Error && error.message.startsWith("no answer")
            ? error.message
            : "failed",
    };
  }
}

/**
 * Whether this process can serve requests: the database answers, its schema is at the version
 * this build ships (a replica of a newer build waits for the migration Job), and the job queue
 * is installed (started here if need be, as the first tenant request would).
 */
export async function readiness(
  getDb: () => Promise<Database>,
  options: { migrationsDir?: string } = {},
): Promise<Readiness> {
  let db: Database | null = null;
  const database = await check(async () => {
    const started = performance.now();
    db = await getDb();
    await ping(db);
    return `answered in ${Math.round(performance.now() - started)} ms`;
  });
  const ready = db as Database | null;
  const notChecked: Check = {
    ok: false,
    detail: "not checked: the database is unreachable",
  };
  if (!database.ok || !ready)
    return {
      status: "not_ready",
      checks: { database, migrations: notChecked, queue: notChecked },
    };
  const [migrations, queue] = await Promise.all([
    check(async () => {
      const expected = expectedMigration(options.migrationsDir);
      const applied = await appliedMigration(ready);
      if (!applied || applied.createdAt < expected.createdAt) {
        throw new CheckFailed(
          `${applied?.count ?? 0} of ${expected.count} migrations applied: run the migration first`,
        );
      }
      return `${applied.count} migrations applied`;
    }),
    check(async () => {
      await startReassessQueue(ready);
      const version = await jobQueueVersion(ready);
      if (version === null) throw new CheckFailed("the job queue is not installed");
      return `queue schema version ${version}`;
    }),
  ]);
  const ok = database.ok && migrations.ok && queue.ok;
  return {
    status: ok ? "ready" : "not_ready",
    checks: { database, migrations, queue },
  };
}
