import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { listJobs, type DatabaseHandle, type JobRow } from "@loadline/db";
import { alerts, assessmentSnapshots } from "@loadline/db/schema";
import { REASSESS_QUEUE, updateReassessQueue } from "../src/jobs";
import { afterClinicalWrite } from "../src/services/assessments";
import { addCheckIn } from "./coach-fixtures";
import { createTestDatabase, makeClub, NOW, type Club } from "./fixtures";

/**
 * A worker process killed mid-job (SIGKILL: no shutdown, its connection just drops) leaves the
 * job active; once it expires, another worker's maintenance retries it, and it runs to the end
 * once. Needs a real second process, so PostgreSQL only (PGlite lives inside one process).
 */
const onPostgres = process.env.LOADLINE_TEST_DB === "postgres";
const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.resolve(here, "..");
const workerScript = path.join(packageRoot, "scripts", "worker.ts");
const EXPIRE_SECONDS = 5;

let handle: DatabaseHandle;
let club: Club;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  handle = await createTestDatabase();
  club = await makeClub(handle, "Crash Club");
  await updateReassessQueue(handle.db, { expireInSeconds: EXPIRE_SECONDS });
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  if (handle) await handle.close();
});

function startWorker(extraEnv: Record<string, string>): ChildProcess {
  const child = fork(workerScript, [], {
    cwd: packageRoot,
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      DATABASE_URL: handle.url!,
      LOADLINE_WORKER_MAINTENANCE_SECONDS: "1",
      LOADLINE_WORKER_POLL_SECONDS: "1",
      ...extraEnv,
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.push(child);
  return child;
}

function message<T>(child: ChildProcess, test: (m: unknown) => m is T): Promise<T> {
  return new Promise((resolve, reject) => {
    child.on("message", (m) => test(m) && resolve(m));
    child.once("exit", (code, signal) => reject(new Error(`worker exited (${code ?? signal ?? "no code"}) before the expected message`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once("exit", (code, signal) => resolve({ code, signal }));
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Poll the job table until `done` holds; bounded by attempts, not by a clock reading. */
async function waitForJob(done: (job: JobRow) => boolean, key: string, attempts = 240): Promise<JobRow> {
  for (let i = 0; i < attempts; i++) {
    const job = (await listJobs(handle.db, REASSESS_QUEUE)).find((j) => j.singletonKey === key);
    if (job && done(job)) return job;
    await sleep(500);
  }
  throw new Error(`job ${key} never reached the expected state`);
}

describe.skipIf(!onPostgres)("a worker that dies mid-job", () => {
  it("leaves its job to be retried by another worker, which completes it once", async () => {
    const athleteId = club.athlete.athleteId!;
    const key = `${club.organisationId}:${athleteId}`;
    await addCheckIn(handle, club, athleteId, new Date(NOW.getTime() - 86_400_000), 2, ["saddle_numbness"]);
    await afterClinicalWrite(handle.db, club.organisationId, [athleteId], NOW);

    const first = startWorker({ LOADLINE_WORKER_TEST_BLOCK: "true" });
    const blocked = await message(first, (m): m is { blocked: string[] } => typeof m === "object" && m !== null && "blocked" in m);
    const job = await waitForJob((j) => j.state === "active", key);
    expect(blocked.blocked).toEqual([job.id]);
    first.kill("SIGKILL");
    expect(await exited(first)).toMatchObject({ signal: "SIGKILL" });
    // Nothing was written by the dead worker.
    expect(await handle.db.select().from(assessmentSnapshots).where(eq(assessmentSnapshots.athleteId, athleteId))).toHaveLength(0);

    const second = startWorker({});
    const completed = await waitForJob((j) => j.state === "completed", key);
    expect(completed.id).toBe(job.id);
    expect(completed.retryCount).toBeGreaterThanOrEqual(1);

    const snapshots = await handle.db.select().from(assessmentSnapshots).where(eq(assessmentSnapshots.athleteId, athleteId));
    expect(snapshots).toHaveLength(1);
    const r20 = await handle.db.select().from(alerts).where(and(eq(alerts.athleteId, athleteId), eq(alerts.ruleId, "R20")));
    expect(r20).toHaveLength(1);
    // The second worker's start-up sweep may queue the athlete (still without a snapshot) once
    // more while the job was held: one waiting beside one running is what 'stately' allows. It
    // re-assesses to the same result, and every job of the athlete ends completed.
    for (let i = 0; i < 240; i++) {
      const jobs = (await listJobs(handle.db, REASSESS_QUEUE)).filter((j) => j.singletonKey === key);
      if (jobs.every((j) => j.state === "completed")) break;
      await sleep(500);
    }
    const jobs = (await listJobs(handle.db, REASSESS_QUEUE)).filter((j) => j.singletonKey === key);
    expect(jobs.length).toBeLessThanOrEqual(2);
    expect(jobs.every((j) => j.state === "completed")).toBe(true);
    expect(await handle.db.select().from(assessmentSnapshots).where(eq(assessmentSnapshots.athleteId, athleteId))).toHaveLength(1);
    expect(await handle.db.select().from(alerts).where(and(eq(alerts.athleteId, athleteId), eq(alerts.ruleId, "R20")))).toHaveLength(1);

    // SIGTERM: the worker stops fetching, closes the database and exits cleanly.
    second.kill("SIGTERM");
    expect(await exited(second)).toMatchObject({ code: 0 });
  }, 180_000);
});
