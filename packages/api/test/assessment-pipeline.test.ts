import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { ENGINE_VERSION } from "@loadline/domain";
import { listJobs, loadTimelines, type DatabaseHandle } from "@loadline/db";
import { alerts, assessmentSnapshots, athleteProfiles, planVersions, sessionLogs } from "@loadline/db/schema";
import { REASSESS_QUEUE, runPendingJobs } from "../src/jobs";
import superjson from "superjson";
import { assessNow, computeAssessments, getAssessments, readAssessments, storeComputed } from "../src/services/assessments";

type PlanContent = (typeof planVersions.$inferInsert)["content"];
import { addAthletes, countingDatabase } from "./coach-fixtures";
import { callerFor, createTestDatabase, makeClub, NOW, settle, type Club } from "./fixtures";

let handle: DatabaseHandle;
let club: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Pipeline Club");
});
afterAll(() => handle.close());

describe("assessment snapshots", () => {
  it("of a worker batch that read the records before an athlete's own write committed never replace that write's snapshot or retire its alerts", async () => {
    const own = await makeClub(handle, "Ordering Club");
    const athleteId = own.athlete.athleteId!;
    await settle(handle, [own]);
    const batchClock = new Date(NOW.getTime() + 60_000);
    // The batch reads first, with a later clock than the submit's (its clock is taken when it
    // starts; the submit's request started earlier and commits meanwhile).
    const batch = await computeAssessments(handle.db, own.organisationId, [athleteId], batchClock);
    const submit = await callerFor(handle, own.athlete, new Date(NOW.getTime() + 30_000)).checkIns.create({
      idempotencyKey: `ordering-${athleteId}`,
      at: new Date(NOW.getTime() + 30_000),
      morningPain: 2,
      redFlags: ["night_pain_waking"],
    });
    expect(submit.feedback.newFlags.map((f) => f.ruleId)).toContain("R20");
    await storeComputed(handle.db, own.organisationId, batch);

    const snapshotOf = async () => {
      const [row] = await handle.db.select().from(assessmentSnapshots).where(eq(assessmentSnapshots.athleteId, athleteId));
      return row!;
    };
    const currentRules = async () =>
      (await handle.db.select({ ruleId: alerts.ruleId, retiredAt: alerts.retiredAt }).from(alerts).where(eq(alerts.athleteId, athleteId)))
        .filter((a) => a.retiredAt === null)
        .map((a) => a.ruleId);
    const [profile] = await handle.db.select({ recordsVersion: athleteProfiles.recordsVersion }).from(athleteProfiles).where(eq(athleteProfiles.id, athleteId));
    expect(await snapshotOf()).toMatchObject({ computedAt: new Date(NOW.getTime() + 30_000), recordsVersion: profile!.recordsVersion });
    expect(await currentRules()).toContain("R20");

    // A batch that reads after the write is newer in both ways and replaces it, keeping the flag.
    await storeComputed(handle.db, own.organisationId, await computeAssessments(handle.db, own.organisationId, [athleteId], batchClock));
    expect(await snapshotOf()).toMatchObject({ computedAt: batchClock, recordsVersion: profile!.recordsVersion });
    expect(await currentRules()).toContain("R20");
  });

  it("confine a record that cannot be read to its own athlete: the board still answers", async () => {
    const [broken, healthy] = await addAthletes(handle, club, club.squadIds.distance, 2, "Confined");
    // A stored plan that no longer parses (say, written by an older release).
    await handle.db.insert(planVersions).values({
      organisationId: club.organisationId,
      athleteId: broken!,
      version: 1,
      phase: 2,
      phaseStartedAt: new Date(NOW.getTime() - 10 * 86_400_000),
      content: { prescriptions: "not a list" } as unknown as PlanContent,
      authorId: club.physio.userId,
      changeSummary: "Imported",
    });
    await settle(handle, [club]);
    const rows = await callerFor(handle, club.coach).board.rows({ squadIds: [club.squadIds.distance] });
    const byId = new Map(rows.map((r) => [r.athlete.id, r]));
    expect(byId.get(broken!)).toMatchObject({ assessment: null, assessmentState: "needs_attention", assessedAt: NOW.getTime() });
    expect(byId.get(healthy!)).toMatchObject({ assessmentState: "assessed", assessment: { availability: "available" } });
  });

  it("of an older engine version are returned, queued, and replaced once the queue has run", async () => {
    const [athleteId] = await addAthletes(handle, club, club.squadIds.field, 1, "Versioned");
    await settle(handle, [club]);
    const where = and(eq(assessmentSnapshots.organisationId, club.organisationId), eq(assessmentSnapshots.athleteId, athleteId!));
    // A snapshot from an older engine, still inside its freshness window.
    await handle.db.update(assessmentSnapshots).set({ engineVersion: "1", computedAt: new Date(NOW.getTime() - 60_000) }).where(where);
    const stored = (await readAssessments(handle.db, club.organisationId, [athleteId!], NOW)).get(athleteId!);
    expect(stored).toMatchObject({ state: "assessed", stale: true, computedAt: new Date(NOW.getTime() - 60_000) });
    await runPendingJobs(handle.db, NOW);
    const [row] = await handle.db.select({ engineVersion: assessmentSnapshots.engineVersion, computedAt: assessmentSnapshots.computedAt }).from(assessmentSnapshots).where(where);
    expect(row).toEqual({ engineVersion: ENGINE_VERSION, computedAt: NOW });
  });

  it("of a worker batch that read before a queued write committed never replace the snapshot of the job that write queued", async () => {
    const own = await makeClub(handle, "Queued Ordering Club");
    const athleteId = own.athlete.athleteId!;
    await settle(handle, [own]);
    const writeClock = new Date(NOW.getTime() + 30_000);
    // A batch reads with a later clock; meanwhile a physio records an injection (a write that only
    // queues the athlete), and its job runs and stores; then the batch writes.
    const batch = await computeAssessments(handle.db, own.organisationId, [athleteId], new Date(NOW.getTime() + 60_000));
    await callerFor(handle, own.physio, writeClock).adjuncts.record({ athleteId, at: writeClock, kind: "corticosteroid_injection" });
    await runPendingJobs(handle.db, writeClock);
    await storeComputed(handle.db, own.organisationId, batch);
    const [stored] = await handle.db.select().from(assessmentSnapshots).where(eq(assessmentSnapshots.athleteId, athleteId));
    expect(stored!.computedAt).toEqual(writeClock);
    const fresh = await assessNow(handle.db, own.organisationId, athleteId, writeClock);
    expect(superjson.deserialize(stored!.assessment as Parameters<typeof superjson.deserialize>[0])).toEqual(fresh);
  });

  it("are never computed by readers: many readers of stale athletes read no history and leave one job each", async () => {
    const ids = await addAthletes(handle, club, club.squadIds.field, 5, "Shared");
    const counting = countingDatabase(handle);
    const sessionReads = () => counting.statements.filter((s) => /from "session_logs"/.test(s)).length;
    const results = await Promise.all(Array.from({ length: 10 }, () => readAssessments(counting.db, club.organisationId, ids, NOW)));
    expect(sessionReads()).toBe(0);
    for (const result of results) for (const id of ids) expect(result.get(id)).toMatchObject({ state: "being_assessed", assessment: null });
    const pending = (await listJobs(handle.db, REASSESS_QUEUE)).filter((j) => j.state === "created" && ids.some((id) => j.singletonKey === `${club.organisationId}:${id}`));
    expect(pending).toHaveLength(ids.length);
    await runPendingJobs(handle.db, NOW);
    const after = await getAssessments(handle.db, club.organisationId, ids, NOW);
    expect([...after.keys()].sort()).toEqual([...ids].sort());
  });

  it("read only the engine's window through typed row mappers; a row that does not map is confined to its athlete", async () => {
    const [windowed, odd] = (await addAthletes(handle, club, club.squadIds.distance, 2, "Window")) as [string, string];
    const session = (athleteId: string, daysAgo: number, key: string, activities: string[] = []) => ({
      organisationId: club.organisationId,
      athleteId,
      at: new Date(NOW.getTime() - daysAgo * 86_400_000),
      type: "strength" as const,
      minutes: 40,
      painDuring: 1,
      activities,
      idempotencyKey: key,
      loggedById: club.coach.userId,
    });
    await handle.db.insert(sessionLogs).values([
      session(windowed, 300, "window-old"),
      session(windowed, 10, "window-recent"),
      // A vocabulary word no release knows (written around the procedures).
      session(odd, 5, "odd-recent", ["teleport"]),
    ]);
    const loaded = await loadTimelines(handle.db, club.organisationId, [windowed, odd], NOW);
    const timeline = loaded.get(windowed);
    if (!timeline?.ok) throw new Error("the windowed athlete's records should map");
    expect(timeline.timeline.sessions.map((s) => s.at)).toEqual([new Date(NOW.getTime() - 10 * 86_400_000)]);
    expect(loaded.get(odd)).toEqual({ ok: false, problem: expect.stringContaining('unknown value "teleport"'), timeZone: null });
    await settle(handle, [club]);
    const rows = await callerFor(handle, club.coach).board.rows({ squadIds: [club.squadIds.distance] });
    expect(rows.find((r) => r.athlete.id === odd)).toMatchObject({ assessmentState: "needs_attention" });
    expect(rows.find((r) => r.athlete.id === windowed)).toMatchObject({ assessmentState: "assessed" });
  });
});
