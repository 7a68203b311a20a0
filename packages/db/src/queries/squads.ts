import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { athleteProfiles, squadMemberships, squads, users } from "../schema";

export interface ManagedSquad {
  id: string;
  name: string;
  kind: "distance" | "field";
  archivedAt: Date | null;
  activeAthletes: number;
  coaches: { id: string; name: string }[];
}

/** Every squad of the club (archived ones too) with its athlete count and its coaches. */
export async function listSquadsForManagement(db: Database, organisationId: string): Promise<ManagedSquad[]> {
  const rows = await db
    .select({
      id: squads.id,
      name: squads.name,
      kind: squads.kind,
      archivedAt: squads.archivedAt,
      activeAthletes: sql<number>`count(${athleteProfiles.id}) filter (where ${athleteProfiles.archivedAt} is null)`.mapWith(Number),
    })
    .from(squads)
    .leftJoin(squadMemberships, eq(squadMemberships.squadId, squads.id))
    .leftJoin(athleteProfiles, eq(athleteProfiles.userId, squadMemberships.userId))
    .where(eq(squads.organisationId, organisationId))
    .groupBy(squads.id)
    .orderBy(asc(squads.name));
  const coachRows = await db
    .select({ squadId: squadMemberships.squadId, id: users.id, name: users.name })
    .from(squadMemberships)
    .innerJoin(users, eq(users.id, squadMemberships.userId))
    .where(and(eq(squadMemberships.organisationId, organisationId), eq(users.role, "coach"), isNull(users.archivedAt)))
    .orderBy(asc(users.name));
  return rows.map((r) => ({ ...r, coaches: coachRows.filter((c) => c.squadId === r.id).map(({ id, name }) => ({ id, name })) }));
}

export async function createSquad(db: Database, organisationId: string, squad: { name: string; kind: "distance" | "field" }): Promise<{ id: string }> {
  const [row] = await db.insert(squads).values({ organisationId, ...squad }).returning({ id: squads.id });
  if (!row) throw new Error("insert squads returned nothing");
  return row;
}

export async function updateSquad(db: Database, organisationId: string, squadId: string, squad: { name: string; kind: "distance" | "field" }): Promise<boolean> {
  const rows = await db
    .update(squads)
    .set(squad)
    .where(and(eq(squads.organisationId, organisationId), eq(squads.id, squadId)))
    .returning({ id: squads.id });
  return rows.length > 0;
}

export async function setSquadArchivedAt(db: Database, organisationId: string, squadId: string, archivedAt: Date | null): Promise<boolean> {
  const rows = await db
    .update(squads)
    .set({ archivedAt })
    .where(and(eq(squads.organisationId, organisationId), eq(squads.id, squadId)))
    .returning({ id: squads.id });
  return rows.length > 0;
}

/** How many of these user ids are active coaches of the club (to validate a form's choice). */
export async function countActiveCoaches(db: Database, organisationId: string, userIds: string[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), inArray(users.id, userIds), eq(users.role, "coach"), isNull(users.archivedAt)));
  return rows.length;
}

/**
 * The coaches who look after a squad, replaced by this list (coaches' squad memberships; the
 * squad's athletes are untouched). False when the squad is not the club's.
 */
export async function setSquadCoaches(db: Database, organisationId: string, squadId: string, coachIds: string[]): Promise<boolean> {
  const [squad] = await db
    .select({ id: squads.id })
    .from(squads)
    .where(and(eq(squads.organisationId, organisationId), eq(squads.id, squadId)));
  if (!squad) return false;
  const current = await db
    .select({ userId: squadMemberships.userId })
    .from(squadMemberships)
    .innerJoin(users, eq(users.id, squadMemberships.userId))
    .where(and(eq(squadMemberships.organisationId, organisationId), eq(squadMemberships.squadId, squadId), eq(users.role, "coach")));
  const leaving = current.map((c) => c.userId).filter((id) => !coachIds.includes(id));
  if (leaving.length > 0) {
    await db
      .delete(squadMemberships)
      .where(and(eq(squadMemberships.organisationId, organisationId), eq(squadMemberships.squadId, squadId), inArray(squadMemberships.userId, leaving)));
  }
  if (coachIds.length > 0) {
    await db
      .insert(squadMemberships)
      .values(coachIds.map((userId) => ({ organisationId, squadId, userId })))
      .onConflictDoNothing();
  }
  return true;
}

/** The active squads a coach looks after: where their board, planner and alerts open. */
export async function coachSquadIds(db: Database, organisationId: string, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: squads.id })
    .from(squadMemberships)
    .innerJoin(squads, eq(squads.id, squadMemberships.squadId))
    .where(and(eq(squadMemberships.organisationId, organisationId), eq(squadMemberships.userId, userId), isNull(squads.archivedAt)))
    .orderBy(asc(squads.name));
  return rows.map((r) => r.id);
}
