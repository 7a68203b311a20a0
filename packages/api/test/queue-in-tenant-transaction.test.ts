import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { listJobs, rowsOf, type DatabaseHandle } from "@loadline/db";
import { assessmentSnapshots } from "@loadline/db/schema";
import { REASSESS_QUEUE, reassessQueue, runPendingJobs, startWorker } from "../src/jobs";
import { afterClinicalWrite } from "../src/services/assessments";
import { inOrganisationScope } from "../src/tenant-scope";
import { at, givePlan, key } from "./athlete-helpers";
import { addAthletes } from "./coach-fixtures";
import { callerFor, createTestDatabase, makeClub, NOW, TEST_SECOND_FACTOR_KEY, type Club } from "./fixtures";

/**
 * Tenant procedures run in one transaction as loadline_app (row-level security) and queue their
 * re-assessment jobs through it. On PGlite that transaction holds the only connection: a queue
 * call that went around it would wait forever, so these writes are bounded by a timer and must
 * finish well before it.
 */
const DAY_MS = 86_400_000;
const HUNG = Symbol("hung");
let handle: DatabaseHandle;
let club: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Outbox Club");
  await givePlan(handle, club);
}, 60_000);
afterAll(() => handle.close());

/** The promise's value, or HUNG when it has not settled within `ms`. */
async function within<T>(ms: number, promise: Promise<T>): Promise<T | typeof HUNG> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<typeof HUNG>((resolve) => {
    timer = setTimeout(() => resolve(HUNG), ms);
  });
  try {
    return await Promise.race([promise, hung]);
  } finally {
    clearTimeout(timer);
  }
}

const jobsOf = async (athleteId: string) =>
  (await listJobs(handle.db, REASSESS_QUEUE)).filter((j) => j.singletonKey?.startsWith(`${club.organisationId}:${athleteId}`));

const scope = (actor: Club["coach"]) => ({ db: handle.db, actor, now: NOW, secondFactorKey: TEST_SECOND_FACTOR_KEY });

describe("the queue inside a tenant procedure's transaction", () => {
  it("completes tenant writes while the in-process worker runs, and the worker works their jobs", async () => {
    const [member] = (await addAthletes(handle, club, club.squadIds.field, 1, "Squad member")) as [string];
    const worker = await startWorker(handle.db, { clock: () => NOW, pollingIntervalSeconds: 0.5 });
    try {
      // The athlete's own check-in: re-assessed inline inside the procedure's transaction, which
      // also schedules the snapshot's next run through it.
      const checkIn = await within(
        15_000,
        callerFor(handle, club.athlete).checkIns.create({
          idempotencyKey: key("outbox-checkin"),
          at: at(0, 7),
          morningPain: 1,
          stiffnessMinutes: 5,
          loadTestPain: 2,
          longestSitMinutes: 40,
          cushionUsed: true,
          redFlags: [],
        }),
      );
      expect(checkIn).not.toBe(HUNG);
      // The coach's squad session: every member queued through the procedure's transaction.
      const session = await within(
        15_000,
        callerFor(handle, club.coach).planner.create({
          squadId: club.squadIds.field,
          at: new Date(NOW.getTime() + DAY_MS),
          kind: "hills",
          durationMinutes: 60,
          title: "Hill reps",
          notes: "",
        }),
      );
      expect(session).not.toBe(HUNG);
      // A board read queues stale snapshots through its transaction too.
      const rows = await within(15_000, callerFor(handle, club.coach).board.rows({ squadIds: [club.squadIds.field] }));
      expect(rows).not.toBe(HUNG);

      expect((await jobsOf(club.athlete.athleteId!)).some((j) => j.singletonKey?.endsWith(":due"))).toBe(true);
      // Bounded by attempts, not by a clock: the worker polls every half second.
      let done = false;
      for (let i = 0; i < 240 && !done; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const jobs = await jobsOf(member);
        done = jobs.some((j) => j.singletonKey === `${club.organisationId}:${member}` && j.state === "completed");
      }
      expect(done).toBe(true);
      expect(await handle.db.select().from(assessmentSnapshots).where(eq(assessmentSnapshots.athleteId, member))).toHaveLength(1);
    } finally {
      // Bounded too, so a hung transaction fails the test instead of stalling it.
      await within(10_000, worker.stop(5_000));
    }
  }, 60_000);

  it("writes a procedure's jobs as loadline_app through its transaction: they commit or roll back with it", async () => {
    const [kept, rolledBack] = (await addAthletes(handle, club, club.squadIds.distance, 2, "Outbox")) as [string, string];
    const committed = await inOrganisationScope(scope(club.coach), async (scoped) => {
      const [row] = rowsOf(await scoped.db.execute(sql`select current_user as role`));
      expect(row?.role).toBe("loadline_app");
      await afterClinicalWrite(scoped.db, club.organisationId, [kept], NOW);
      // Visible inside the transaction, to the same role.
      expect(await (await reassessQueue(scoped.db)).isQueued(club.organisationId, kept)).toBe(true);
      return { ok: true };
    });
    expect(committed.ok).toBe(true);
    const failed = await inOrganisationScope(scope(club.coach), async (scoped) => {
      await afterClinicalWrite(scoped.db, club.organisationId, [rolledBack], NOW);
      return { ok: false };
    });
    expect(failed.ok).toBe(false);
    expect((await jobsOf(kept)).filter((j) => j.state === "created")).toHaveLength(1);
    expect(await jobsOf(rolledBack)).toHaveLength(0);
    const ran = await runPendingJobs(handle.db, NOW);
    expect(ran).toContainEqual({ organisationId: club.organisationId, athleteId: kept });
  });

  it("refuses, rather than waits, in a transaction it was not started for", async () => {
    await expect(handle.db.transaction((tx) => reassessQueue(tx))).rejects.toThrow(/not started/);
  });
});
