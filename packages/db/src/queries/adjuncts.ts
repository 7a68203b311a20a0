import { and, desc, eq } from "drizzle-orm";
import type { AdjunctTreatmentKind, Side } from "@loadline/domain";
import type { Database } from "../client";
import { adjunctTreatments, users } from "../schema";

export type AdjunctRow = typeof adjunctTreatments.$inferSelect;

export interface NewAdjunct {
  athleteId: string;
  episodeId: string | null;
  at: Date;
  kind: AdjunctTreatmentKind;
  side: Side | null;
  parameters: string;
  provider: string;
  restrictions: string | null;
  recordedById: string;
}

export async function insertAdjunct(db: Database, organisationId: string, input: NewAdjunct, now: Date): Promise<AdjunctRow> {
  const restrictions = input.restrictions?.trim() ? input.restrictions.trim() : null;
  const [row] = await db
    .insert(adjunctTreatments)
    .values({ ...input, organisationId, restrictions, restrictionsEnteredAt: restrictions ? now : null, createdAt: now })
    .returning();
  if (!row) throw new Error("could not record the treatment");
  return row;
}

export async function getAdjunct(db: Database, organisationId: string, adjunctId: string): Promise<AdjunctRow | null> {
  const [row] = await db
    .select()
    .from(adjunctTreatments)
    .where(and(eq(adjunctTreatments.organisationId, organisationId), eq(adjunctTreatments.id, adjunctId)))
    .limit(1);
  return row ?? null;
}

/** Enter the restrictions after a treatment (R22: this lifts the progression pause). */
export async function setAdjunctRestrictions(
  db: Database,
  organisationId: string,
  adjunctId: string,
  restrictions: string,
  now: Date,
): Promise<AdjunctRow | null> {
  const [row] = await db
    .update(adjunctTreatments)
    .set({ restrictions, restrictionsEnteredAt: now })
    .where(and(eq(adjunctTreatments.organisationId, organisationId), eq(adjunctTreatments.id, adjunctId)))
    .returning();
  return row ?? null;
}

export async function listAdjuncts(
  db: Database,
  organisationId: string,
  athleteId: string,
): Promise<(AdjunctRow & { recordedByName: string })[]> {
  const rows = await db
    .select({ adjunct: adjunctTreatments, name: users.name })
    .from(adjunctTreatments)
    .innerJoin(users, eq(users.id, adjunctTreatments.recordedById))
    .where(and(eq(adjunctTreatments.organisationId, organisationId), eq(adjunctTreatments.athleteId, athleteId)))
    .orderBy(desc(adjunctTreatments.at));
  return rows.map((r) => ({ ...r.adjunct, recordedByName: r.name }));
}
