import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Role } from "@loadline/domain";
import type { Database, Transaction } from "../client";
import { athleteProfiles, invites, organisations, users } from "../schema";
import { endAllSessions } from "./sessions";

export interface SignInRecord {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string;
  passwordHash: string | null;
  athleteId: string | null;
  sessionVersion: number;
  /** The sealed TOTP secret when a second factor is set up, and the last accepted time step. */
  totpSecret: string | null;
  totpLastStep: number | null;
}

/**
 * Look a user up for sign-in. Emails are unique across organisations, so this is the one
 * query that cannot filter by organisation: it is how the organisation is found.
 * Archived users cannot sign in.
 */
export async function findUserForSignIn(db: Database, email: string): Promise<SignInRecord | null> {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      organisationId: users.organisationId,
      passwordHash: users.passwordHash,
      athleteId: athleteProfiles.id,
      sessionVersion: users.sessionVersion,
      totpSecret: users.totpSecret,
      totpLastStep: users.totpLastStep,
      athleteArchivedAt: athleteProfiles.archivedAt,
    })
    .from(users)
    .leftJoin(athleteProfiles, eq(athleteProfiles.userId, users.id))
    .where(and(eq(users.email, email.toLowerCase()), isNull(users.archivedAt)))
    .limit(1);
  if (!row || row.athleteArchivedAt) return null;
  const { athleteArchivedAt: _archived, ...record } = row;
  return record;
}

export interface StaffMember {
  id: string;
  name: string;
  email: string;
  role: Role;
  isOwner: boolean;
  hasPassword: boolean;
  /** active: signed up; invited: the invite is not used yet (its link may have expired). */
  status: "active" | "invited";
  /** When the newest unused invite link stops working (invited staff only). */
  inviteExpiresAt: Date | null;
}

/** The signed-in user with their organisation's name, for the app shell. */
export async function getUserWithOrganisation(db: Database, organisationId: string, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      organisationName: organisations.name,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId)))
    .limit(1);
  return row ?? null;
}

/** Coaches and physios of an organisation, with the state of their invite. */
export async function listStaff(db: Database, organisationId: string): Promise<StaffMember[]> {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      isOwner: users.isOwner,
      passwordHash: users.passwordHash,
      inviteExpiresAt: sql<Date | null>`(select max(i.expires_at) from ${invites} i where i.user_id = "users"."id" and i.accepted_at is null)`.mapWith(
        (v: string | Date | null) => (v === null ? null : new Date(v)),
      ),
    })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), isNull(users.archivedAt), ne(users.role, "athlete")))
    .orderBy(users.name);
  return rows.map(({ passwordHash, inviteExpiresAt, ...r }) => ({
    ...r,
    hasPassword: passwordHash !== null,
    status: passwordHash !== null ? ("active" as const) : ("invited" as const),
    inviteExpiresAt: passwordHash !== null ? null : inviteExpiresAt,
  }));
}

/** One active staff member of the club (for role changes and invite reissue). */
export async function getStaffMember(db: Database, organisationId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, isOwner: users.isOwner, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId), isNull(users.archivedAt), ne(users.role, "athlete")))
    .limit(1);
  if (!row) return null;
  const { passwordHash, ...member } = row;
  return { ...member, hasPassword: passwordHash !== null };
}

/** Switch a staff member between coach and physio; their sessions end (their pages change). */
export async function setStaffRole(db: Database | Transaction, organisationId: string, userId: string, role: "coach" | "physio"): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ role, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId), eq(users.isOwner, false), ne(users.role, "athlete"), isNull(users.archivedAt)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/**
 * Withdraw the invite of a staff member who never set a password: the person is deleted (they
 * have no history yet), which frees their email and kills their links. False when there is no
 * such pending staff member.
 */
export async function revokeStaffInvite(db: Database | Transaction, organisationId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(users)
    .where(
      and(
        eq(users.organisationId, organisationId),
        eq(users.id, userId),
        ne(users.role, "athlete"),
        isNull(users.passwordHash),
        eq(users.isOwner, false),
      ),
    )
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Change one's own name. */
export async function setUserName(db: Database | Transaction, organisationId: string, userId: string, name: string): Promise<void> {
  await db.update(users).set({ name }).where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
}

/**
 * Is this email taken? Emails identify a sign-in across all organisations, so this asks the
 * SECURITY DEFINER function `loadline_email_in_use`, which answers across clubs even inside
 * `withOrganisation` (row-level security would hide other clubs' users from a plain select).
 */
export async function emailInUse(db: Database, email: string): Promise<boolean> {
  const [row] = await db
    .select({ taken: sql<boolean>`loadline_email_in_use(${email.toLowerCase()})` })
    .from(sql`(values (1)) as one (n)`);
  return row?.taken === true;
}

/**
 * Remove a coach or physio from the club: archived (the email stays taken, history keeps their
 * name) and every session ended, in one transaction. The owner cannot be removed, and coaches
 * only when `includeCoaches` (the owner asks). Returns false when there is no such staff member.
 */
export async function removeStaffMember(
  db: Database,
  organisationId: string,
  userId: string,
  now: Date,
  options: { includeCoaches: boolean },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(users)
      .set({ archivedAt: now })
      .where(
        and(
          eq(users.organisationId, organisationId),
          eq(users.id, userId),
          options.includeCoaches ? ne(users.role, "athlete") : eq(users.role, "physio"),
          eq(users.isOwner, false),
          isNull(users.archivedAt),
        ),
      )
      .returning({ id: users.id });
    if (rows.length === 0) return false;
    await endAllSessions(tx, userId);
    return true;
  });
}
