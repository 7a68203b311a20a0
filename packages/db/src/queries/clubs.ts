import { and, asc, count, eq, isNull, ne, sql } from "drizzle-orm";
import type { ClubThresholds, IsoWeekday } from "@loadline/domain";
import type { Database } from "../client";
import { rowsOf } from "../job-sql";
import { athleteProfiles, invites, organisations, users } from "../schema";
import { seedExerciseLibrary } from "./exercises";
import type { NewInvite } from "./roster";

/** How many clubs the instance holds (the demo counted like any other). */
export async function countOrganisations(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return row?.n ?? 0;
}

export interface NewClub {
  name: string;
  slug: string;
  timeZone: string;
  locale: string;
  owner: { name: string; email: string };
}

/**
 * Create a club with its owner (a coach) and the standard exercise library, in one transaction.
 * With `passwordHash` the owner can sign in at once (set-up on an empty instance, self-service
 * sign-up); with `invite` they set their password from the one-time link (operator-created).
 * `onlyIfNoClub`: create it only on an instance without any club (null otherwise).
 */
export async function createClub(
  db: Database,
  club: NewClub,
  access: { passwordHash: string } | { invite: Omit<NewInvite, "createdByUserId"> },
  options: { onlyIfNoClub?: boolean } = {},
): Promise<{ organisationId: string; ownerId: string } | null> {
  return db.transaction(async (tx) => {
    if (options.onlyIfNoClub) {
      // Two set-up forms sent at once on an empty instance: the second waits here, then finds a club.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('loadline.club-setup'))`);
      const [existing] = await tx.select({ n: count() }).from(organisations);
      if ((existing?.n ?? 0) > 0) return null;
    }
    const [org] = await tx
      .insert(organisations)
      .values({ name: club.name, slug: club.slug, timeZone: club.timeZone, locale: club.locale })
      .returning({ id: organisations.id });
    if (!org) throw new Error("insert organisations returned nothing");
    const [owner] = await tx
      .insert(users)
      .values({
        organisationId: org.id,
        role: "coach",
        isOwner: true,
        name: club.owner.name,
        email: club.owner.email.toLowerCase(),
        passwordHash: "passwordHash" in access ? access.passwordHash : null,
      })
      .returning({ id: users.id });
    if (!owner) throw new Error("insert users returned nothing");
    if ("invite" in access) {
      // The owner's own invite: nobody else is in the club yet to have issued it.
      await tx.insert(invites).values({ organisationId: org.id, userId: owner.id, createdByUserId: owner.id, ...access.invite });
    }
    await seedExerciseLibrary(tx, org.id);
    return { organisationId: org.id, ownerId: owner.id };
  });
}

export interface ClubListing {
  id: string;
  name: string;
  slug: string;
  createdAt: Date;
  staff: number;
  athletes: number;
}

/**
 * Every club of the instance for its operator: names and head counts only, never a record of
 * anyone's health. Runs as the owner role (no tenant scope), like the sign-in lookup.
 */
export async function listClubsForOperator(db: Database): Promise<ClubListing[]> {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      slug: organisations.slug,
      createdAt: organisations.createdAt,
      staff: sql<number>`(select count(*) from ${users} u where u.organisation_id = "organisations"."id" and u.role <> 'athlete' and u.archived_at is null)`.mapWith(Number),
      athletes: sql<number>`(select count(*) from ${athleteProfiles} a where a.organisation_id = "organisations"."id" and a.archived_at is null)`.mapWith(Number),
    })
    .from(organisations)
    .orderBy(asc(organisations.name));
}

/**
 * Remove one club and everything in it; false when there is no club with that slug. One
 * transaction. Some clinical records point at their author with a plain (no cascade) foreign
 * key, so a cascading delete of the organisation can reach a user before the records that name
 * them: the club's rows are deleted table by table, children before parents (from the catalogue's
 * foreign keys), and the organisation (with its users) last.
 */
export async function deleteClubBySlug(db: Database, slug: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug));
    if (!org) return false;
    for (const table of await tenantTablesChildrenFirst(tx)) {
      await tx.execute(sql`delete from ${sql.identifier(table)} where organisation_id = ${org.id}`);
    }
    await tx.delete(organisations).where(eq(organisations.id, org.id));
    return true;
  });
}

type Executor = Pick<Database, "execute">;

/** Tables with an organisation_id (users aside), ordered so that a referencing table comes first. */
async function tenantTablesChildrenFirst(db: Executor): Promise<string[]> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.columns
      where table_schema = 'public' and column_name = 'organisation_id' and table_name not in ('users', 'organisations')`),
  ).map((r) => r.name);
  const edges = rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`select cl.relname as child, pl.relname as parent from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid join pg_class pl on pl.oid = c.confrelid
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace and c.conrelid <> c.confrelid`),
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  // Depth-first: every table that references `table` is placed before it.
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const edge of edges) if (edge.parent === table && tables.includes(edge.child)) visit(edge.child);
    ordered.push(table);
  };
  for (const table of tables.sort()) visit(table);
  return ordered;
}

export interface ClubSettingsRow {
  name: string;
  timeZone: string;
  locale: string;
  weekStartsOn: IsoWeekday;
  physioSecondFactorRequired: boolean;
  checkInReminderEmails: boolean;
  physioGaitNotes: boolean;
  engineThresholds: ClubThresholds | null;
  /** Erase athletes archived longer than this (months); null: never. */
  archivedAthleteRetentionMonths: number | null;
  owner: { id: string; name: string } | null;
}

export async function getClubSettings(db: Database, organisationId: string): Promise<ClubSettingsRow | null> {
  const [row] = await db
    .select({
      name: organisations.name,
      timeZone: organisations.timeZone,
      locale: organisations.locale,
      weekStartsOn: organisations.weekStartsOn,
      physioSecondFactorRequired: organisations.physioSecondFactorRequired,
      checkInReminderEmails: organisations.checkInReminderEmails,
      physioGaitNotes: organisations.physioGaitNotes,
      engineThresholds: organisations.engineThresholds,
      archivedAthleteRetentionMonths: organisations.archivedAthleteRetentionMonths,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .limit(1);
  if (!row) return null;
  const [owner] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.isOwner, true), isNull(users.archivedAt)))
    .orderBy(asc(users.createdAt))
    .limit(1);
  return { ...row, weekStartsOn: row.weekStartsOn, owner: owner ?? null };
}

export async function updateClubSettings(
  db: Database,
  organisationId: string,
  settings: Omit<ClubSettingsRow, "owner">,
): Promise<void> {
  await db.update(organisations).set(settings).where(eq(organisations.id, organisationId));
}

/**
 * Hand the club to another active coach who has set a password. The new owner is set first and
 * the old one cleared second, so the owner guard (every club keeps an owner) holds after each
 * statement. Returns false when the target is not such a coach.
 */
export async function transferOwnership(db: Database, organisationId: string, fromUserId: string, toUserId: string): Promise<boolean> {
  const promoted = await db
    .update(users)
    .set({ isOwner: true })
    .where(
      and(
        eq(users.organisationId, organisationId),
        eq(users.id, toUserId),
        eq(users.role, "coach"),
        isNull(users.archivedAt),
        sql`${users.passwordHash} is not null`,
        ne(users.id, fromUserId),
      ),
    )
    .returning({ id: users.id });
  if (promoted.length === 0) return false;
  await db
    .update(users)
    .set({ isOwner: false })
    .where(and(eq(users.organisationId, organisationId), eq(users.id, fromUserId)));
  return true;
}

/** The ids of the club's athletes (active or not): everyone the engine must re-assess after a club-wide change. */
export async function athleteIdsOfClub(db: Database, organisationId: string): Promise<string[]> {
  const rows = await db.select({ id: athleteProfiles.id }).from(athleteProfiles).where(eq(athleteProfiles.organisationId, organisationId));
  return rows.map((r) => r.id);
}

/** Whether the club's owner lets physios record gait assessments (false for an unknown club). */
export async function physioGaitNotesAllowed(db: Database, organisationId: string): Promise<boolean> {
  const [row] = await db.select({ allowed: organisations.physioGaitNotes }).from(organisations).where(eq(organisations.id, organisationId)).limit(1);
  return row?.allowed ?? false;
}

/** The club's name (for emails), or null. */
export async function getOrganisationName(db: Database, organisationId: string): Promise<string | null> {
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)).limit(1);
  return row?.name ?? null;
}
