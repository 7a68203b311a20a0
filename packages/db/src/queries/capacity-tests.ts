import { and, desc, eq } from "drizzle-orm";
import type { CapacityTestValues } from "@loadline/domain";
import type { Database } from "../client";
import { capacityTests, users } from "../schema";

export type CapacityTestRow = typeof capacityTests.$inferSelect;

/** Record one capacity test (E2.2, E2.3) for an athlete of the organisation. */
export async function insertCapacityTest(
  db: Database,
  organisationId: string,
  input: CapacityTestValues & { athleteId: string; recordedById: string },
  now: Date,
): Promise<CapacityTestRow> {
  const [row] = await db
    .insert(capacityTests)
    .values({ ...input, organisationId, createdAt: now })
    .returning();
  if (!row) throw new Error("could not record the capacity test");
  return row;
}

/** An athlete's capacity tests, newest first, with who recorded each. */
export async function listCapacityTests(
  db: Database,
  organisationId: string,
  athleteId: string,
): Promise<(CapacityTestRow & { recordedByName: string })[]> {
  const rows = await db
    .select({ test: capacityTests, recordedByName: users.name })
    .from(capacityTests)
    .innerJoin(users, and(eq(users.organisationId, capacityTests.organisationId), eq(users.id, capacityTests.recordedById)))
    .where(and(eq(capacityTests.organisationId, organisationId), eq(capacityTests.athleteId, athleteId)))
    .orderBy(desc(capacityTests.at), desc(capacityTests.createdAt));
  return rows.map((r) => ({ ...r.test, recordedByName: r.recordedByName }));
}
