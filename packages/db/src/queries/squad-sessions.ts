import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { SquadSessionKind } from "@loadline/domain";
import type { Database } from "../client";
import { squadSessions, squads } from "../schema";

export interface SquadSessionRow {
  id: string;
  squadId: string;
  squadName: string;
  at: Date;
  kind: SquadSessionKind;
  durationMinutes: number | null;
  title: string;
  notes: string;
}

export interface SquadSessionValues {
  squadId: string;
  at: Date;
  kind: SquadSessionKind;
  durationMinutes: number | null;
  title: string;
  notes: string;
}

const columns = {
  id: squadSessions.id,
  squadId: squadSessions.squadId,
  squadName: squads.name,
  at: squadSessions.at,
  kind: squadSessions.kind,
  durationMinutes: squadSessions.durationMinutes,
  title: squadSessions.title,
  notes: squadSessions.notes,
};

/** Planned sessions of these squads in [from, to), in time order (one query). */
export async function listSquadSessions(
  db: Database,
  organisationId: string,
  squadIds: string[],
  from: Date,
  to: Date,
): Promise<SquadSessionRow[]> {
  if (squadIds.length === 0) return [];
  return db
    .select(columns)
    .from(squadSessions)
    .innerJoin(squads, eq(squads.id, squadSessions.squadId))
    .where(
      and(
        eq(squadSessions.organisationId, organisationId),
        inArray(squadSessions.squadId, squadIds),
        gte(squadSessions.at, from),
        lt(squadSessions.at, to),
      ),
    )
    .orderBy(asc(squadSessions.at));
}

/** One planned session of the organisation, or null. */
export async function getSquadSession(db: Database, organisationId: string, id: string): Promise<SquadSessionRow | null> {
  const [row] = await db
    .select(columns)
    .from(squadSessions)
    .innerJoin(squads, eq(squads.id, squadSessions.squadId))
    .where(and(eq(squadSessions.organisationId, organisationId), eq(squadSessions.id, id)))
    .limit(1);
  return row ?? null;
}

export async function createSquadSession(
  db: Database,
  organisationId: string,
  createdById: string,
  values: SquadSessionValues,
): Promise<{ id: string }> {
  const [row] = await db
    .insert(squadSessions)
    .values({ ...values, organisationId, createdById })
    .returning({ id: squadSessions.id });
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Change a planned session; false when it is not in the organisation. */
export async function updateSquadSession(db: Database, organisationId: string, id: string, values: SquadSessionValues): Promise<boolean> {
  const rows = await db
    .update(squadSessions)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(squadSessions.organisationId, organisationId), eq(squadSessions.id, id)))
    .returning({ id: squadSessions.id });
  return rows.length > 0;
}

/** Remove a planned session; false when it is not in the organisation. */
export async function deleteSquadSession(db: Database, organisationId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(squadSessions)
    .where(and(eq(squadSessions.organisationId, organisationId), eq(squadSessions.id, id)))
    .returning({ id: squadSessions.id });
  return rows.length > 0;
}
