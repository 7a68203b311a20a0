import { z } from "zod";

const flag = z.enum(["true", "false"]).optional().transform((v) => v === "true");
const seconds = z.coerce.number().int().min(1).optional();

const jobEnvSchema = z.object({
  /** With DATABASE_URL the app process runs no worker unless this is "true" (`pnpm worker` does). */
  LOADLINE_INLINE_WORKER: flag,
  /** How often a worker runs pg-boss maintenance (expiring jobs whose worker died); default 120 s. */
  LOADLINE_WORKER_MAINTENANCE_SECONDS: seconds,
  /** How often an idle worker polls the queue; default 2 s. */
  LOADLINE_WORKER_POLL_SECONDS: seconds,
  /** Test hook only: the worker process blocks inside its handler so a test can kill it mid-job. */
  LOADLINE_WORKER_TEST_BLOCK: flag,
});

export type JobEnv = z.infer<typeof jobEnvSchema>;

/** The job settings, validated. */
export function readJobEnv(source: Record<string, string | undefined> = process.env): JobEnv {
  return jobEnvSchema.parse(source);
}
