import { and, asc, count, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { AthleteClinicalProfile, RosterProfileInput } from "@loadline/domain";
import type { Database, Transaction } from "../client";
import { athleteProfiles, invites, squadMemberships, squads, users } from "../schema";
import { endAllSessions } from "./sessions";

export interface SquadSummary {
  id: string;
  name: string;
  kind: "distance" | "field";
  activeAthletes: number;
}

/** Active squads of an organisation with how many active athletes train in each. */
export async function listSquads(db: Database, organisationId: string): Promise<SquadSummary[]> {
  const rows = await db
    .select({
      id: squads.id,
      name: squads.name,
      kind: squads.kind,
      activeAthletes: sql<number>`count(${athleteProfiles.id}) filter (where ${athleteProfiles.archivedAt} is null)`.mapWith(Number),
    })
    .from(squads)
    .leftJoin(squadMemberships, eq(squadMemberships.squadId, squads.id))
    .leftJoin(athleteProfiles, eq(athleteProfiles.userId, squadMemberships.userId))
    // Archived squads leave forms, filters and the board; the squads page still lists them.
    .where(and(eq(squads.organisationId, organisationId), isNull(squads.archivedAt)))
    .groupBy(squads.id)
    .orderBy(asc(squads.name));
  return rows;
}

/** How many of these squad ids belong to the organisation (to validate a form's choice). */
export async function countOwnSquads(db: Database, organisationId: string, squadIds: string[]): Promise<number> {
  if (squadIds.length === 0) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(squads)
    .where(and(eq(squads.organisationId, organisationId), inArray(squads.id, squadIds)));
  return row?.n ?? 0;
}

export type AccountStatus = "active" | "invited";

/**
 * The address staff see for an athlete: their sign-in email, or, before they have signed up,
 * where their newest invite went (staff may have corrected it to an address the account cannot
 * hold yet, and the roster must look the same either way).
 */
const shownEmail = sql<string>`case when ${users.passwordHash} is null then coalesce((select i.email from ${invites} i where i.user_id = ${users.id} and i.accepted_at is null order by i.created_at desc limit 1), ${users.email}) else ${users.email} end`;

export interface RosterRow {
  id: string;
  userId: string;
  name: string;
  email: string;
  eventOrSport: string;
  squads: { id: string; name: string }[];
  archived: boolean;
  account: AccountStatus;
}

/** Every athlete of the organisation, with their squads. Two queries whatever the size. */
export async function listRoster(
  db: Database,
  organisationId: string,
  options: { includeArchived?: boolean } = {},
): Promise<RosterRow[]> {
  const athletes = await db
    .select({
      id: athleteProfiles.id,
      userId: users.id,
      name: users.name,
      email: shownEmail,
      eventOrSport: athleteProfiles.eventOrSport,
      archivedAt: athleteProfiles.archivedAt,
      passwordHash: users.passwordHash,
    })
    .from(athleteProfiles)
    .innerJoin(users, eq(users.id, athleteProfiles.userId))
    .where(
      and(
        eq(athleteProfiles.organisationId, organisationId),
        isNull(athleteProfiles.erasedAt),
        options.includeArchived ? undefined : isNull(athleteProfiles.archivedAt),
      ),
    )
    .orderBy(asc(users.name));

  const memberships = await db
    .select({ userId: squadMemberships.userId, id: squads.id, name: squads.name })
    .from(squadMemberships)
    .innerJoin(squads, eq(squads.id, squadMemberships.squadId))
    .where(eq(squadMemberships.organisationId, organisationId))
    .orderBy(asc(squads.name));

  const squadsByUser = new Map<string, { id: string; name: string }[]>();
  for (const m of memberships) {
    const list = squadsByUser.get(m.userId) ?? [];
    list.push({ id: m.id, name: m.name });
    squadsByUser.set(m.userId, list);
  }

  return athletes.map((a) => ({
    id: a.id,
    userId: a.userId,
    name: a.name,
    email: a.email,
    eventOrSport: a.eventOrSport,
    squads: squadsByUser.get(a.userId) ?? [],
    archived: a.archivedAt !== null,
    account: a.passwordHash ? "active" : "invited",
  }));
}

/** An athlete as the roster (coach and physio) shows them: no clinical fields. */
export interface AthleteDetail extends RosterProfileInput {
  id: string;
  userId: string;
  email: string;
  squads: { id: string; name: string }[];
  archived: boolean;
  account: AccountStatus;
}

async function findAthlete(db: Database, organisationId: string, where: SQL) {
  const [row] = await db
    .select({ profile: athleteProfiles, name: users.name, email: shownEmail, passwordHash: users.passwordHash })
    .from(athleteProfiles)
    .innerJoin(users, eq(users.id, athleteProfiles.userId))
    .where(and(eq(athleteProfiles.organisationId, organisationId), isNull(athleteProfiles.erasedAt), where))
    .limit(1);
  if (!row) return null;
  const memberships = await db
    .select({ id: squads.id, name: squads.name })
    .from(squadMemberships)
    .innerJoin(squads, eq(squads.id, squadMemberships.squadId))
    .where(and(eq(squadMemberships.organisationId, organisationId), eq(squadMemberships.userId, row.profile.userId)))
    .orderBy(asc(squads.name));
  const p = row.profile;
  const detail: AthleteDetail = {
    id: p.id,
    userId: p.userId,
    name: row.name,
    email: row.email,
    squadIds: memberships.map((m) => m.id),
    squads: memberships,
    eventOrSport: p.eventOrSport,
    birthYear: p.birthYear,
    sex: p.sex,
    preInjuryWeeklyKm: p.preInjuryWeeklyKm,
    previousHamstringInjury: p.previousHamstringInjury,
    archived: p.archivedAt !== null,
    account: row.passwordHash ? "active" : "invited",
  };
  return detail;
}

/** One athlete of the organisation, or null (also when the id belongs to another organisation). */
export function getAthlete(db: Database, organisationId: string, athleteId: string): Promise<AthleteDetail | null> {
  return findAthlete(db, organisationId, eq(athleteProfiles.id, athleteId));
}

/** The athlete profile owned by a signed-in athlete user. */
export function getAthleteByUser(db: Database, organisationId: string, userId: string): Promise<AthleteDetail | null> {
  return findAthlete(db, organisationId, eq(athleteProfiles.userId, userId));
}

export interface NewInvite {
  tokenHash: string;
  createdByUserId: string;
  expiresAt: Date;
}

/** Add an athlete (user without password, profile, squads) and their invite, atomically. */
export async function createAthlete(
  db: Database,
  organisationId: string,
  input: RosterProfileInput & { email: string },
  invite: NewInvite,
): Promise<{ athleteId: string; userId: string; inviteId: string }> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ organisationId, email: input.email.toLowerCase(), name: input.name, role: "athlete" })
      .returning({ id: users.id });
    if (!user) throw new Error("insert users returned nothing");
    const [profile] = await tx
      .insert(athleteProfiles)
      .values({ organisationId, userId: user.id, ...profileColumns(input) })
      .returning({ id: athleteProfiles.id });
    if (!profile) throw new Error("insert athlete_profiles returned nothing");
    await tx
      .insert(squadMemberships)
      .values(input.squadIds.map((squadId) => ({ organisationId, squadId, userId: user.id })));
    const [row] = await tx
      .insert(invites)
      .values({ organisationId, userId: user.id, ...invite })
      .returning({ id: invites.id });
    if (!row) throw new Error("insert invites returned nothing");
    return { athleteId: profile.id, userId: user.id, inviteId: row.id };
  });
}

/** The columns a coach may set; conditions and notes are left to `setAthleteClinicalProfile`. */
function profileColumns(input: RosterProfileInput) {
  return {
    eventOrSport: input.eventOrSport,
    birthYear: input.birthYear,
    sex: input.sex,
    preInjuryWeeklyKm: input.preInjuryWeeklyKm,
    previousHamstringInjury: input.previousHamstringInjury,
  };
}

/** An athlete's relevant conditions, notes and clinician-recorded facts (physio and the athlete only), or null. */
export async function getAthleteClinicalProfile(db: Database, organisationId: string, athleteId: string): Promise<AthleteClinicalProfile | null> {
  const [row] = await db
    .select({
      conditions: athleteProfiles.conditions,
      notes: athleteProfiles.notes,
      preInjuryWeeklyKm: athleteProfiles.preInjuryWeeklyKm,
      bmi: athleteProfiles.bmi,
      usualCadenceSpm: athleteProfiles.usualCadenceSpm,
    })
    .from(athleteProfiles)
    .where(and(eq(athleteProfiles.organisationId, organisationId), eq(athleteProfiles.id, athleteId)))
    .limit(1);
  return row ?? null;
}

export async function setAthleteClinicalProfile(
  db: Database,
  organisationId: string,
  athleteId: string,
  profile: AthleteClinicalProfile,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(athleteProfiles)
    .set({
      conditions: profile.conditions,
      notes: profile.notes,
      preInjuryWeeklyKm: profile.preInjuryWeeklyKm,
      bmi: profile.bmi,
      usualCadenceSpm: profile.usualCadenceSpm,
      updatedAt: now,
    })
    .where(and(eq(athleteProfiles.organisationId, organisationId), eq(athleteProfiles.id, athleteId)))
    .returning({ id: athleteProfiles.id });
  return rows.length > 0;
}

/** Update an athlete's name, profile and squads. Returns false when no such athlete is in the organisation. */
export async function updateAthlete(
  db: Database,
  organisationId: string,
  athleteId: string,
  input: RosterProfileInput,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [profile] = await tx
      .update(athleteProfiles)
      .set({ ...profileColumns(input), updatedAt: now })
      .where(and(eq(athleteProfiles.organisationId, organisationId), eq(athleteProfiles.id, athleteId), isNull(athleteProfiles.erasedAt)))
      .returning({ userId: athleteProfiles.userId });
    if (!profile) return false;
    await tx
      .update(users)
      .set({ name: input.name })
      .where(and(eq(users.organisationId, organisationId), eq(users.id, profile.userId)));
    await replaceSquads(tx, organisationId, profile.userId, input.squadIds);
    return true;
  });
}


async function replaceSquads(tx: Transaction, organisationId: string, userId: string, squadIds: string[]) {
  await tx
    .delete(squadMemberships)
    .where(and(eq(squadMemberships.organisationId, organisationId), eq(squadMemberships.userId, userId)));
  if (squadIds.length > 0) {
    await tx.insert(squadMemberships).values(squadIds.map((squadId) => ({ organisationId, squadId, userId })));
  }
}

/** Move an athlete to exactly these squads. Returns false when the athlete is not in the organisation. */
export async function setAthleteSquads(
  db: Database,
  organisationId: string,
  athleteId: string,
  squadIds: string[],
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [profile] = await tx
      .select({ userId: athleteProfiles.userId })
      .from(athleteProfiles)
      .where(and(eq(athleteProfiles.organisationId, organisationId), eq(athleteProfiles.id, athleteId)));
    if (!profile) return false;
    await replaceSquads(tx, organisationId, profile.userId, squadIds);
    return true;
  });
}

/**
 * Archive (now) or unarchive (null) an athlete. Archived athletes cannot sign in, and archiving
 * ends every session they have (in the same transaction).
 */
export async function setAthleteArchivedAt(
  db: Database,
  organisationId: string,
  athleteId: string,
  archivedAt: Date | null,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(athleteProfiles)
      .set({ archivedAt })
      // An erased athlete stays archived: there is nobody left to restore.
      .where(and(eq(athleteProfiles.organisationId, organisationId), eq(athleteProfiles.id, athleteId), isNull(athleteProfiles.erasedAt)))
      .returning({ userId: athleteProfiles.userId });
    const row = rows[0];
    if (!row) return false;
    if (archivedAt) await endAllSessions(tx, row.userId);
    return true;
  });
}

/** The athlete's own edit of their profile (sport, history, conditions); squads and notes stay staff's. */
export async function updateOwnAthleteProfile(
  db: Database,
  organisationId: string,
  athleteId: string,
  input: Omit<RosterProfileInput, "name" | "squadIds"> & Pick<AthleteClinicalProfile, "conditions">,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(athleteProfiles)
    .set({
      eventOrSport: input.eventOrSport,
      birthYear: input.birthYear,
      sex: input.sex,
      preInjuryWeeklyKm: input.preInjuryWeeklyKm,
      previousHamstringInjury: input.previousHamstringInjury,
      conditions: input.conditions,
      updatedAt: now,
    })
    .where(and(eq(athleteProfiles.organisationId, organisationId), eq(athleteProfiles.id, athleteId)))
    .returning({ id: athleteProfiles.id });
  return rows.length > 0;
}
