import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { ENGINE_VERSION } from "@loadline/domain";
import { keysWithOpenJobs, listJobs, withOrganisation, type DatabaseHandle } from "@loadline/db";
import { alerts, assessmentSnapshots } from "@loadline/db/schema";
import { enqueueMissingSnapshots, enqueueOutdatedSnapshots, handleReassessJobs, PendingJobsNotDue, REASSESS_QUEUE, reassessQueue, runPendingJobs, startWorker } from "../src/jobs";
import { producerFor } from "../src/jobs/reassess-queue";
import { afterClinicalWrite, getAssessment, readAssessments } from "../src/services/assessments";
import { addAthletes, addCheckIn } from "./coach-fixtures";
import { callerFor, createTestDatabase, makeClub, NOW, settle, type Club } from "./fixtures";

const DAY_MS = 86_400_000;
let handle: DatabaseHandle;
let club: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Queue Club");
});
afterAll(() => handle.close());

const pendingWriteJobs = async (athleteId: string) =>
  (await listJobs(handle.db, REASSESS_QUEUE)).filter((j) => j.singletonKey === `${club.organisationId}:${athleteId}` && j.state === "created");

describe("the re-assessment queue", () => {
  it("carries a write to a snapshot and its alert: queued, not computed, until a worker runs", async () => {
    const [athleteId] = (await addAthletes(handle, club, club.squadIds.field, 1, "Queued")) as [string];
    await addCheckIn(handle, club, athleteId, new Date(NOW.getTime() - DAY_MS), 2, ["saddle_numbness"]);
    await afterClinicalWrite(handle.db, club.organisationId, [athleteId], NOW);
    // The write only queued the athlete: no snapshot, the board says "being assessed".
    expect(await pendingWriteJobs(athleteId)).toHaveLength(1);
    const row = (await callerFor(handle, club.coach).board.rows({ squadIds: [club.squadIds.field] })).find((r) => r.athlete.id === athleteId);
    expect(row).toMatchObject({ assessment: null, assessmentState: "being_assessed", assessedAt: null });

    const ran = await runPendingJobs(handle.db, NOW);
    expect(ran).toContainEqual({ organisationId: club.organisationId, athleteId });
    const after = (await callerFor(handle, club.coach).board.rows({ squadIds: [club.squadIds.field] })).find((r) => r.athlete.id === athleteId);
    expect(after).toMatchObject({ assessmentState: "assessed", assessedAt: NOW.getTime() });
    const raised = await handle.db.select().from(alerts).where(eq(alerts.athleteId, athleteId));
    expect(raised.map((a) => a.ruleId)).toContain("R20");
    // Completed, and the snapshot's next run scheduled at its staleAfter (already past on the
    // wall clock, so the drain ran it too: the snapshot was fresh at NOW, so it changed nothing).
    const jobs = (await listJobs(handle.db, REASSESS_QUEUE)).filter((j) => j.singletonKey?.startsWith(`${club.organisationId}:${athleteId}`));
    expect(jobs.find((j) => j.singletonKey === `${club.organisationId}:${athleteId}`)?.state).toBe("completed");
    const [snapshot] = await handle.db.select().from(assessmentSnapshots).where(eq(assessmentSnapshots.athleteId, athleteId));
    expect(jobs.find((j) => j.singletonKey === `${club.organisationId}:${athleteId}:due`)).toMatchObject({ startAfter: snapshot!.staleAfter });
    expect(snapshot!.computedAt).toEqual(NOW);
  });

  it("keeps one pending job per athlete however many writes come before a worker runs", async () => {
    const ids = await addAthletes(handle, club, club.squadIds.distance, 3, "Deduped");
    for (let i = 0; i < 10; i++) await afterClinicalWrite(handle.db, club.organisationId, ids, NOW);
    for (const id of ids) expect(await pendingWriteJobs(id)).toHaveLength(1);
    const ran = await runPendingJobs(handle.db, NOW);
    for (const id of ids) expect(ran.filter((j) => j.athleteId === id && !j.due)).toHaveLength(1);
  });

  it("returns stale snapshots with their age and queues them, without computing on the read", async () => {
    const [athleteId] = (await addAthletes(handle, club, club.squadIds.field, 1, "Aged")) as [string];
    await settle(handle, [club]);
    const later = new Date(NOW.getTime() + 2 * 3_600_000);
    const stored = (await readAssessments(handle.db, club.organisationId, [athleteId], later)).get(athleteId);
    expect(stored).toMatchObject({ state: "assessed", computedAt: NOW, stale: true });
    expect(await pendingWriteJobs(athleteId)).toHaveLength(1);
    await runPendingJobs(handle.db, later);
    expect((await readAssessments(handle.db, club.organisationId, [athleteId], later)).get(athleteId)).toMatchObject({ computedAt: later, stale: false });
  });

  it("re-assesses snapshots of an older engine version, oldest first", async () => {
    const ids = await addAthletes(handle, club, club.squadIds.field, 3, "Versioned");
    await settle(handle, [club]);
    // Older engine snapshots computed at different times: the middle athlete's is the oldest.
    const ages = [2, 3, 1];
    for (const [i, id] of ids.entries()) {
      await handle.db
        .update(assessmentSnapshots)
        .set({ engineVersion: "1", computedAt: new Date(NOW.getTime() - ages[i]! * 60_000) })
        .where(and(eq(assessmentSnapshots.organisationId, club.organisationId), eq(assessmentSnapshots.athleteId, id)));
    }
    expect(await enqueueOutdatedSnapshots(handle.db)).toBe(3);
    const ran = (await runPendingJobs(handle.db, NOW, { batchSize: 1 })).filter((j) => !j.due).map((j) => j.athleteId);
    expect(ran).toEqual([ids[1], ids[0], ids[2]]);
    const rows = await handle.db.select({ engineVersion: assessmentSnapshots.engineVersion }).from(assessmentSnapshots).where(eq(assessmentSnapshots.organisationId, club.organisationId));
    expect(rows.every((r) => r.engineVersion === ENGINE_VERSION)).toBe(true);
  });

  it("lets the board show the stored snapshot behind a queued write, but not the athlete's own page", async () => {
    const [athleteId] = (await addAthletes(handle, club, club.squadIds.field, 1, "Behind")) as [string];
    await settle(handle, [club]);
    await addCheckIn(handle, club, athleteId, new Date(NOW.getTime() - DAY_MS), 2, ["saddle_numbness"]);
    await afterClinicalWrite(handle.db, club.organisationId, [athleteId], NOW);
    const board = (await readAssessments(handle.db, club.organisationId, [athleteId], NOW)).get(athleteId);
    expect(board?.assessment?.flags.some((f) => f.ruleId === "R20")).toBe(false);
    const own = await getAssessment(handle.db, club.organisationId, athleteId, NOW);
    expect(own?.flags.some((f) => f.ruleId === "R20")).toBe(true);
    await runPendingJobs(handle.db, NOW);
  });

  it("queues athletes never assessed when a worker starts (a seeded club), once each", async () => {
    const ids = await addAthletes(handle, club, club.squadIds.distance, 2, "Seeded");
    expect(await enqueueMissingSnapshots(handle.db)).toBeGreaterThanOrEqual(2);
    await enqueueMissingSnapshots(handle.db);
    for (const id of ids) expect(await pendingWriteJobs(id)).toHaveLength(1);
    await runPendingJobs(handle.db, NOW);
    expect(await enqueueMissingSnapshots(handle.db)).toBe(0);
  });

  it("enqueues inside the write's transaction: the job commits or rolls back with the write", async () => {
    const [kept, rolledBack] = (await addAthletes(handle, club, club.squadIds.field, 2, "Outbox")) as [string, string];
    // Started outside: on PGlite the queue cannot start while a transaction holds the connection.
    await reassessQueue(handle.db);
    await handle.db.transaction(async (tx) => {
      await afterClinicalWrite(handle.db, club.organisationId, [kept], NOW, { via: tx });
    });
    const failed = handle.db.transaction(async (tx) => {
      await afterClinicalWrite(handle.db, club.organisationId, [rolledBack], NOW, { via: tx });
      throw new Error("the write failed");
    });
    await expect(failed).rejects.toThrow("the write failed");
    expect(await pendingWriteJobs(kept)).toHaveLength(1);
    expect(await pendingWriteJobs(rolledBack)).toHaveLength(0);
    await runPendingJobs(handle.db, NOW);
  });

  it("has an idempotent handler: a job delivered twice stores one snapshot and no second alert", async () => {
    const [athleteId] = (await addAthletes(handle, club, club.squadIds.field, 1, "Twice")) as [string];
    await addCheckIn(handle, club, athleteId, new Date(NOW.getTime() - DAY_MS), 2, ["saddle_numbness"]);
    const job = { data: { organisationId: club.organisationId, athleteId } };
    await handleReassessJobs(handle.db, [job], NOW);
    await handleReassessJobs(handle.db, [job], NOW);
    expect(await handle.db.select().from(assessmentSnapshots).where(eq(assessmentSnapshots.athleteId, athleteId))).toHaveLength(1);
    expect(await handle.db.select().from(alerts).where(and(eq(alerts.athleteId, athleteId), eq(alerts.ruleId, "R20")))).toHaveLength(1);
  });

  it("is worked by a running worker in this process (the embedded database's set-up)", async () => {
    const [athleteId] = (await addAthletes(handle, club, club.squadIds.field, 1, "Worked")) as [string];
    await afterClinicalWrite(handle.db, club.organisationId, [athleteId], NOW);
    const worker = await startWorker(handle.db, { clock: () => NOW, pollingIntervalSeconds: 0.5 });
    try {
      let snapshots: unknown[] = [];
      // Bounded by attempts, not by a clock: the worker polls every half second.
      for (let i = 0; i < 240 && snapshots.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        snapshots = await handle.db.select().from(assessmentSnapshots).where(eq(assessmentSnapshots.athleteId, athleteId));
      }
      expect(snapshots).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  });

  it("moves an athlete's pending scheduled run to the later snapshot's time, and finds it by key", async () => {
    const [athleteId] = (await addAthletes(handle, club, club.squadIds.field, 1, "Rescheduled")) as [string];
    const queue = await reassessQueue(handle.db);
    const key = `${club.organisationId}:${athleteId}:due`;
    const dueJob = async () => (await listJobs(handle.db, REASSESS_QUEUE)).find((j) => j.singletonKey === key && j.state === "created");
    const first = new Date(NOW.getTime() + 3 * 3_600_000);
    const later = new Date(NOW.getTime() + 5 * 3_600_000);
    await withOrganisation(handle.db, club.organisationId, (tx) => queue.scheduleDue(tx, club.organisationId, [{ athleteId, staleAfter: first }]));
    expect((await dueJob())?.startAfter).toEqual(first);
    await withOrganisation(handle.db, club.organisationId, (tx) => queue.scheduleDue(tx, club.organisationId, [{ athleteId, staleAfter: later }]));
    expect((await listJobs(handle.db, REASSESS_QUEUE)).filter((j) => j.singletonKey === key && j.state === "created")).toHaveLength(1);
    expect((await dueJob())?.startAfter).toEqual(later);
    expect(await keysWithOpenJobs(handle.db, REASSESS_QUEUE, [key, `${club.organisationId}:nobody:due`])).toEqual(new Set([key]));
    const boss = await producerFor(handle.db);
    await boss.cancel(REASSESS_QUEUE, (await dueJob())!.id);
  });

  it("drains and then says which jobs it could not run, instead of returning as if none were left", async () => {
    const [athleteId] = (await addAthletes(handle, club, club.squadIds.field, 1, "Not due")) as [string];
    await settle(handle, [club]);
    const boss = await producerFor(handle.db);
    const key = `${club.organisationId}:${athleteId}`;
    // A write's job that is not due yet on the database's clock (as a retry waiting for its back-off is).
    const id = await boss.send(REASSESS_QUEUE, { organisationId: club.organisationId, athleteId }, { singletonKey: key, startAfter: 3_600 });
    try {
      const drain = runPendingJobs(handle.db, NOW);
      await expect(drain).rejects.toBeInstanceOf(PendingJobsNotDue);
      await expect(runPendingJobs(handle.db, NOW)).rejects.toThrow(`${key} is not due until`);
    } finally {
      await boss.cancel(REASSESS_QUEUE, id!);
    }
    // Cancelled, nothing is open any more: the drain returns normally again.
    await expect(runPendingJobs(handle.db, NOW)).resolves.toEqual([]);
  });
});
