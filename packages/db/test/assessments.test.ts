import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import type { DatabaseHandle } from "../src/client";
import {
  saveAssessments,
  WRITE_CHUNK_ROWS,
  type NewAlert,
  type SnapshotRow,
} from "../src/queries/assessments";
import {
  alerts,
  assessmentSnapshots,
  athleteProfiles,
  organisations,
  users,
} from "../src/schema";
import { createTestDatabase } from "../src/testing";

const NOW = new Date("2026-11-21T09:00:00Z");
let handle: DatabaseHandle;
let organisationId: string;
let athleteIds: string[];

/** A club of `n` athletes inserted set-based (two statements). */
async function club(
  n: number,
): Promise<{ organisationId: string; athleteIds: string[] }> {
  const [org] = await handle.db
    .insert(organisations)
    .values({ name: "Big Club", slug: `big-${n}` })
    .returning();
  const people = await handle.db
    .insert(users)
    .values(
      Array.from({ length: n }, (_, i) => ({
        organisationId: org!.id,
        role: "athlete" as const,
        name: `Athlete ${i}`,
        email: `a${i}@big-${n}.test`,
        passwordHash: "x",
      })),
    )
    .returning({ id: users.id });
  const profiles = await handle.db
    .insert(athleteProfiles)
    .values(
      people.map((p) => ({
        organisationId: org!.id,
        userId: p.id,
        eventOrSport: "Marathon",
      })),
    )
    .returning({ id: athleteProfiles.id });
  return { organisationId: org!.id, athleteIds: profiles.map((p) => p.id) };
}

const snapshot = (athleteId: string): SnapshotRow => ({
  athleteId,
  computedAt: NOW,
  staleAfter: new Date(NOW.getTime() + 3_600_000),
  engineVersion: "1",
  assessment: { json: { athleteId } },
});

const alertsFor = (athleteId: string, n: number): NewAlert[] =>
  Array.from({ length: n }, (_, i) => ({
    athleteId,
    ruleId: "R1",
    severity: "amber" as const,
    message: `Flag ${i}`,
    evidence: { recordIds: [], values: {} },
    sensitive: false,
    fingerprint: `R1:test:${i}`,
    raisedAt: NOW,
  }));

beforeAll(async () => {
  handle = await createTestDatabase();
  ({ organisationId, athleteIds } = await club(1_000));
});
afterAll(() => handle.close());

describe("saving a batch of assessments", () => {
  it("records every alert of a 1,000-athlete batch, past the driver's 65,534-parameter limit", async () => {
    // 8 alerts x 1,000 athletes x 9 columns = 72,000 parameters: one INSERT would be refused.
    const newAlerts = athleteIds.flatMap((id) => alertsFor(id, 8));
    await saveAssessments(
      handle.db,
      organisationId,
      athleteIds.map(snapshot),
      newAlerts,
    );
    const [stored] = await handle.db
      .select({ n: count() })
      .from(alerts)
      .where(eq(alerts.organisationId, organisationId));
    expect(stored!.n).toBe(8_000);
    const [snapshots] = await handle.db
      .select({ n: count() })
      .from(assessmentSnapshots)
      .where(eq(assessmentSnapshots.organisationId, organisationId));
    expect(snapshots!.n).toBe(1_000);
  });

  it("writes snapshots and alerts together or not at all", async () => {
    const other = await club(2);
    const unknownAthlete = "00000000-0000-4000-8000-000000000000";
    // The last chunk refers to an athlete outside the club (a foreign-key violation).
    const newAlerts = [
      ...alertsFor(other.athleteIds[0]!, WRITE_CHUNK_ROWS),
      ...alertsFor(unknownAthlete, 1),
    ];
    await expect(
      saveAssessments(
        handle.db,
        other.organisationId,
        other.athleteIds.map(snapshot),
        newAlerts,
      ),
    ).rejects.toThrow();
    const [snapshots] = await handle.db
      .select({ n: count() })
      .from(assessmentSnapshots)
      .where(eq(assessmentSnapshots.organisationId, other.organisationId));
    expect(snapshots!.n).toBe(0);
    const [stored] = await handle.db
      .select({ n: count() })
      .from(alerts)
      .where(eq(alerts.organisationId, other.organisationId));
    expect(stored!.n).toBe(0);
  });

  it("never lets an older computation overwrite a newer snapshot", async () => {
    const [athleteId] = athleteIds;
    await saveAssessments(
      handle.db,
      organisationId,
      [
        {
          ...snapshot(athleteId!),
          computedAt: new Date(NOW.getTime() + 60_000),
          engineVersion: "7",
        },
      ],
      [],
    );
    await saveAssessments(
      handle.db,
      organisationId,
      [{ ...snapshot(athleteId!), engineVersion: "6" }],
      [],
    );
    const [row] = await handle.db
      .select({ engineVersion: assessmentSnapshots.engineVersion })
      .from(assessmentSnapshots)
      .where(
        and(
          eq(assessmentSnapshots.organisationId, organisationId),
          eq(assessmentSnapshots.athleteId, athleteId!),
        ),
      );
    expect(row!.engineVersion).toBe("7");
  });
});
