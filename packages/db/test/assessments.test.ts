import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import type { DatabaseHandle } from "../src/client";
import { saveAssessments, WRITE_CHUNK_ROWS, type NewAlert, type SnapshotRow } from "../src/queries/assessments";
import { alerts, assessmentSnapshots, athleteProfiles, organisations, users } from "../src/schema";
import { createTestDatabase } from "../src/testing";

const NOW = new Date("2026-11-21T09:00:00Z");
let handle: DatabaseHandle;
let organisationId: string;
let athleteIds: string[];

/** A club of `n` athletes inserted set-based (two statements). */
async function club(n: number): Promise<{ organisationId: string; athleteIds: string[] }> {
  const [org] = await handle.db.insert(organisations).values({ name: "Big Club", slug: `big-${n}` }).returning();
  const people = await handle.db
    .insert(users)
    .values(Array.from({ length: n }, (_, i) => ({ organisationId: org!.id, role: "athlete" as const, name: `Athlete ${i}`, email: `a${i}@big-${n}.test`, passwordHash: "x" })))
    .returning({ id: users.id });
  const profiles = await handle.db
    .insert(athleteProfiles)
    .values(people.map((p) => ({ organisationId: org!.id, userId: p.id, eventOrSport: "Marathon" })))
    .returning({ id: athleteProfiles.id });
  return { organisationId: org!.id, athleteIds: profiles.map((p) => p.id) };
}

const snapshot = (athleteId: string): SnapshotRow => ({
  athleteId,
  computedAt: NOW,
  staleAfter: new Date(NOW.getTime() + 3_600_000),
  engineVersion: "1",
  recordsVersion: 0,
  assessment: { json: { athleteId } },
  board: null,
});

const alertsFor = (athleteId: string, n: number): NewAlert[] =>
  Array.from({ length: n }, (_, i) => ({
    athleteId,
    ruleId: "R1",
    severity: "amber" as const,
    message: `Flag ${i}`,
    evidence: { recordIds: [], values: {} },
    sensitive: false,
    fingerprint: `R1|test-${i}`,
    raisedAt: NOW,
    causeAt: NOW,
    needsReview: false,
  }));

beforeAll(async () => {
  handle = await createTestDatabase();
  ({ organisationId, athleteIds } = await club(1_000));
});
afterAll(() => handle.close());

describe("saving a batch of assessments", () => {
  it("records every alert of a 1,000-athlete batch, past the driver's 65,534-parameter limit", async () => {
    // 8 alerts x 1,000 athletes x 11 columns = 88,000 parameters: one INSERT would be refused.
    const newAlerts = athleteIds.flatMap((id) => alertsFor(id, 8));
    await saveAssessments(handle.db, organisationId, athleteIds.map(snapshot), newAlerts);
    const [stored] = await handle.db.select({ n: count() }).from(alerts).where(eq(alerts.organisationId, organisationId));
    expect(stored!.n).toBe(8_000);
    const [snapshots] = await handle.db.select({ n: count() }).from(assessmentSnapshots).where(eq(assessmentSnapshots.organisationId, organisationId));
    expect(snapshots!.n).toBe(1_000);
  });

  it("writes snapshots and alerts together or not at all", async () => {
    const other = await club(2);
    // The last chunk holds an alert without a rule (a NOT NULL violation), after the snapshots and the first chunk were written.
    const broken = { ...alertsFor(other.athleteIds[1]!, 1)[0]!, ruleId: null as unknown as string };
    const newAlerts = [...alertsFor(other.athleteIds[0]!, WRITE_CHUNK_ROWS), broken];
    await expect(saveAssessments(handle.db, other.organisationId, other.athleteIds.map(snapshot), newAlerts)).rejects.toThrow();
    const [snapshots] = await handle.db.select({ n: count() }).from(assessmentSnapshots).where(eq(assessmentSnapshots.organisationId, other.organisationId));
    expect(snapshots!.n).toBe(0);
    const [stored] = await handle.db.select({ n: count() }).from(alerts).where(eq(alerts.organisationId, other.organisationId));
    expect(stored!.n).toBe(0);
  });

  it("never lets an older computation overwrite a newer snapshot", async () => {
    const [athleteId] = athleteIds;
    await saveAssessments(handle.db, organisationId, [{ ...snapshot(athleteId!), computedAt: new Date(NOW.getTime() + 60_000), engineVersion: "7" }], []);
    await saveAssessments(handle.db, organisationId, [{ ...snapshot(athleteId!), engineVersion: "6" }], []);
    const [row] = await handle.db
      .select({ engineVersion: assessmentSnapshots.engineVersion })
      .from(assessmentSnapshots)
      .where(and(eq(assessmentSnapshots.organisationId, organisationId), eq(assessmentSnapshots.athleteId, athleteId!)));
    expect(row!.engineVersion).toBe("7");
  });

  it("never lets a snapshot that read an older records version replace one that read a newer, whatever their clocks", async () => {
    const [, athleteId] = athleteIds;
    const stored = async () =>
      (await handle.db.select({ engineVersion: assessmentSnapshots.engineVersion, recordsVersion: assessmentSnapshots.recordsVersion }).from(assessmentSnapshots).where(eq(assessmentSnapshots.athleteId, athleteId!)))[0];
    await saveAssessments(handle.db, organisationId, [{ ...snapshot(athleteId!), recordsVersion: 3, engineVersion: "inline" }], []);
    await saveAssessments(handle.db, organisationId, [{ ...snapshot(athleteId!), computedAt: new Date(NOW.getTime() + 60_000), recordsVersion: 2, engineVersion: "batch" }], []);
    expect(await stored()).toEqual({ engineVersion: "inline", recordsVersion: 3 });
    await saveAssessments(handle.db, organisationId, [{ ...snapshot(athleteId!), computedAt: new Date(NOW.getTime() + 60_000), recordsVersion: 3, engineVersion: "later" }], []);
    expect(await stored()).toEqual({ engineVersion: "later", recordsVersion: 3 });
  });

  it("keeps one current alert per condition, retires what is no longer raised, and leaves alerts alone when a newer snapshot is stored", async () => {
    const { organisationId: org, athleteIds: [athleteId] } = await club(1);
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
    const save = (minutes: number, fingerprints: string[]) =>
      saveAssessments(handle.db, org, [{ ...snapshot(athleteId!), computedAt: at(minutes) }], fingerprints.map((fingerprint) => ({ ...alertsFor(athleteId!, 1)[0]!, fingerprint, raisedAt: at(minutes) })));
    const rows = () => handle.db.select().from(alerts).where(eq(alerts.organisationId, org));
    await save(0, ["R1|a", "R1|b"]);
    await save(1, ["R1|a", "R1|b"]);
    expect((await rows()).map((r) => [r.fingerprint, r.raisedAt, r.retiredAt])).toEqual(
      expect.arrayContaining([
        ["R1|a", at(0), null],
        ["R1|b", at(0), null],
      ]),
    );
    expect(await rows()).toHaveLength(2);
    await save(2, ["R1|a"]);
    expect((await rows()).find((r) => r.fingerprint === "R1|b")?.retiredAt).toEqual(at(2));
    // An older computation arriving late changes nothing.
    await save(1, ["R1|c"]);
    expect((await rows()).map((r) => r.fingerprint).sort()).toEqual(["R1|a", "R1|b"]);
    // Raised again after retirement: a new row beside the retired one.
    await save(3, ["R1|a", "R1|b"]);
    const b = (await rows()).filter((r) => r.fingerprint === "R1|b");
    expect(b.map((r) => r.retiredAt)).toEqual(expect.arrayContaining([at(2), null]));
    expect(b).toHaveLength(2);
  });
});
