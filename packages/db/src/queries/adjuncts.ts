import { and, desc, eq, isNull } from "drizzle-orm";
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

/** A treatment that has not been deleted, or null. */
export async function getAdjunct(db: Database, organisationId: string, adjunctId: string): Promise<AdjunctRow | null> {
  const [row] = await db
    .select()
    .from(adjunctTreatments)
    .where(and(eq(adjunctTreatments.organisationId, organisationId), eq(adjunctTreatments.id, adjunctId), isNull(adjunctTreatments.deletedAt)))
    .limit(1);
  return row ?? null;
}

/** What a physio may change on a recorded treatment (restrictions have their own write). */
export interface AdjunctChanges {
  at: Date;
  kind: AdjunctTreatmentKind;
  side: Side | null;
  parameters: string;
  provider: string;
}

export async function updateAdjunct(db: Database, organisationId: string, adjunctId: string, changes: AdjunctChanges, now: Date): Promise<AdjunctRow | null> {
  const [row] = await db
    .update(adjunctTreatments)
    .set({ ...changes, updatedAt: now })
    .where(and(eq(adjunctTreatments.organisationId, organisationId), eq(adjunctTreatments.id, adjunctId), isNull(adjunctTreatments.deletedAt)))
    .returning();
  return row ?? null;
}

/** Delete a treatment recorded in error: the row stays with who, when and why; lists and the engine skip it. */
export async function deleteAdjunct(db: Database, organisationId: string, adjunctId: string, deletedById: string, reason: string, now: Date): Promise<AdjunctRow | null> {
  const [row] = await db
    .update(adjunctTreatments)
    .set({ deletedAt: now, deletedById, deletionReason: reason })
    .where(and(eq(adjunctTreatments.organisationId, organisationId), eq(adjunctTreatments.id, adjunctId), isNull(adjunctTreatments.deletedAt)))
    .returning();
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
    .where(and(eq(adjunctTreatments.organisationId, organisationId), eq(adjunctTreatments.id, adjunctId), isNull(adjunctTreatments.deletedAt)))
    .returning();
  return row ?? null;
}

/** The athlete's treatments, newest first; deleted ones only when asked (the full-record export). */
export async function listAdjuncts(
  db: Database,
  organisationId: string,
  athleteId: string,
  options: { includeDeleted?: boolean } = {},
): Promise<(AdjunctRow & { recordedByName: string })[]> {
  const rows = await db
    .select({ adjunct: adjunctTreatments, name: users.name })
    .from(adjunctTreatments)
    .innerJoin(users, eq(users.id, adjunctTreatments.recordedById))
    .where(
      and(
        eq(adjunctTreatments.organisationId, organisationId),
        eq(adjunctTreatments.athleteId, athleteId),
        options.includeDeleted ? undefined : isNull(adjunctTreatments.deletedAt),
      ),
    )
    .orderBy(desc(adjunctTreatments.at));
  return rows.map((r) => ({ ...r.adjunct, recordedByName: r.name }));
}
