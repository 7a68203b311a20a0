import { onDatabaseShutdown, type DatabaseHandle } from "@loadline/db";
import { readJobEnv } from "./env";
import { reassessQueue } from "./reassess-queue";
import { startWorker, type RunningWorker } from "./reassess-worker";

const key = Symbol.for("loadline.inline-worker");
type Slot = { [key]?: Promise<RunningWorker | null> };
const slot = globalThis as Slot;

/**
 * Start the app process's own worker once, when it should have one: always on the embedded
 * database (PGlite allows one connection, held by this process, so no other process could run
 * it), and on PostgreSQL only with LOADLINE_INLINE_WORKER=true (otherwise `pnpm worker` runs
 * it). Cached on globalThis like the database itself: Next evaluates server modules more than
 * once per process. Stopped gracefully before the database closes on SIGTERM.
 */
export function ensureInlineWorker(handle: DatabaseHandle): Promise<RunningWorker | null> {
  const existing = slot[key];
  if (existing) return existing;
  const env = readJobEnv();
  if (handle.kind === "postgres" && !env.LOADLINE_INLINE_WORKER) return (slot[key] = Promise.resolve(null));
  // The producer too: a write that enqueues inside its transaction finds it started (on PGlite
  // it could not start while that transaction holds the connection).
  const starting = reassessQueue(handle.db).then(() => startWorker(handle.db, {
    ...(env.LOADLINE_WORKER_MAINTENANCE_SECONDS ? { maintenanceIntervalSeconds: env.LOADLINE_WORKER_MAINTENANCE_SECONDS } : {}),
    ...(env.LOADLINE_WORKER_POLL_SECONDS ? { pollingIntervalSeconds: env.LOADLINE_WORKER_POLL_SECONDS } : {}),
  })).then(
    (worker) => {
      onDatabaseShutdown(() => worker.stop());
      return worker;
    },
    (error: unknown) => {
      // Not cached: the next request tries again. Readers still answer from stored snapshots.
      delete slot[key];
      console.error("the in-process assessment worker did not start", error);
      return null;
    },
  );
  slot[key] = starting;
  return starting;
}
