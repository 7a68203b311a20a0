import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { ENGINE_VERSION } from "@loadline/domain";
import type { DatabaseHandle } from "@loadline/db";
import { assessmentSnapshots, planVersions } from "@loadline/db/schema";

type PlanContent = (typeof planVersions.$inferInsert)["content"];
import { getAssessments } from "../src/services/assessments";
import { addAthletes, countingDatabase } from "./coach-fixtures";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";

let handle: DatabaseHandle;
let club: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Pipeline Club");
});
afterAll(() => handle.close());

describe("assessment snapshots", () => {
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
    const rows = await callerFor(handle, club.coach).board.rows({ squadIds: [club.squadIds.distance] });
    const byId = new Map(rows.map((r) => [r.athlete.id, r]));
    expect(byId.get(broken!)?.assessment).toBeNull();
    expect(byId.get(healthy!)?.assessment).toMatchObject({ availability: "available" });
  });

  it("are recomputed when the engine version changes", async () => {
    const [athleteId] = await addAthletes(handle, club, club.squadIds.field, 1, "Versioned");
    await getAssessments(handle.db, club.organisationId, [athleteId!], NOW);
    const where = and(eq(assessmentSnapshots.organisationId, club.organisationId), eq(assessmentSnapshots.athleteId, athleteId!));
    // A snapshot from an older engine, still inside its freshness window.
    await handle.db.update(assessmentSnapshots).set({ engineVersion: "1", computedAt: new Date(NOW.getTime() - 60_000) }).where(where);
    await getAssessments(handle.db, club.organisationId, [athleteId!], NOW);
    const [row] = await handle.db.select({ engineVersion: assessmentSnapshots.engineVersion, computedAt: assessmentSnapshots.computedAt }).from(assessmentSnapshots).where(where);
    expect(row).toEqual({ engineVersion: ENGINE_VERSION, computedAt: NOW });
  });

  it("are recomputed once when many readers ask for the same stale athletes at the same time", async () => {
    const ids = await addAthletes(handle, club, club.squadIds.field, 5, "Shared");
    const counting = countingDatabase(handle);
    const sessionReads = () => counting.statements.filter((s) => /from "session_logs"/.test(s)).length;
    await Promise.all(Array.from({ length: 10 }, () => getAssessments(counting.db, club.organisationId, ids, NOW)));
    // One batch loaded the five timelines; the other nine readers waited for it.
    expect(sessionReads()).toBe(1);
    const results = await Promise.all(Array.from({ length: 3 }, () => getAssessments(handle.db, club.organisationId, ids, NOW)));
    for (const result of results) expect([...result.keys()].sort()).toEqual([...ids].sort());
  });
});
