/**
 * `pnpm worker`: a re-assessment worker on the PostgreSQL server at DATABASE_URL. Several may run
 * side by side (each job goes to one of them). SIGTERM or SIGINT: stop fetching, finish the batch
 * under way, close the database, exit. With the embedded database there is nothing to run here:
 * the app process runs the worker itself.
 *
 * LOADLINE_WORKER_TEST_BLOCK=true is for the crash test only: the handler reports the batch to
 * its parent process and blocks, so the test can kill this process mid-job.
 */
import { getDatabase, onDatabaseShutdown } from "@loadline/db";
import { readDbEnv } from "@loadline/db/env";
import { readJobEnv, startWorker } from "../src/jobs";
import { startTelemetry } from "../src/telemetry";

const db = readDbEnv();
if (!db.DATABASE_URL) {
  console.error("pnpm worker needs DATABASE_URL. With the embedded database the app process runs the worker.");
  process.exit(1);
}
const env = readJobEnv();
const blockForTest = env.LOADLINE_WORKER_TEST_BLOCK;

await startTelemetry("loadline-worker");
const handle = await getDatabase();
await startWorker(handle.db, {
  ...(env.LOADLINE_WORKER_MAINTENANCE_SECONDS ? { maintenanceIntervalSeconds: env.LOADLINE_WORKER_MAINTENANCE_SECONDS } : {}),
  ...(env.LOADLINE_WORKER_POLL_SECONDS ? { pollingIntervalSeconds: env.LOADLINE_WORKER_POLL_SECONDS } : {}),
  ...(blockForTest
    ? {
        beforeBatch: async (jobs) => {
          process.send?.({ blocked: jobs.map((j) => j.id) });
          await new Promise<never>(() => {});
        },
      }
    : {}),
}).then((worker) => {
  // getDatabase closes the database on SIGTERM after its shutdown hooks; the worker stops first.
  onDatabaseShutdown(() => worker.stop());
  process.send?.({ ready: true });
  console.log("assessment worker started");
});
