import { and, eq, isNull, sql } from "drizzle-orm";
import type { Role } from "@loadline/domain";
import type { Database } from "../client";
import { emailInUse } from "./users";
import { athleteProfiles, invites, membershipInvites, organisations, users } from "../schema";
import type { NewInvite } from "./roster";

/** Invite a coach or physio: a user without password plus a one-time link. */
export async function createStaffInvite(
  db: Database,
  organisationId: string,
  person: { name: string; email: string; role: Exclude<Role, "athlete"> },
  invite: NewInvite,
): Promise<{ userId: string; inviteId: string }> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ organisationId, email: person.email.toLowerCase(), name: person.name, role: person.role })
      .returning({ id: users.id });
    if (!user) throw new Error("insert users returned nothing");
    const [row] = await tx.insert(invites).values({ organisationId, userId: user.id, ...invite }).returning({ id: invites.id });
    if (!row) throw new Error("insert invites returned nothing");
    return { userId: user.id, inviteId: row.id };
  });
}

/**
 * A fresh link for someone who has not set a password yet (the old link was lost or expired).
 * Returns null when the user is not in the organisation or already has a password.
 */
export async function reissueInvite(
  db: Database,
  organisationId: string,
  userId: string,
  invite: NewInvite,
  now: Date,
): Promise<{ inviteId: string } | null> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.organisationId, organisationId), eq(users.id, userId), isNull(users.passwordHash)));
    if (!user) return null;
    // Older unused links stop working: only the newest one is valid.
    await tx
      .update(invites)
      .set({ expiresAt: now })
      .where(and(eq(invites.organisationId, organisationId), eq(invites.userId, userId), isNull(invites.acceptedAt)));
    const [row] = await tx.insert(invites).values({ organisationId, userId, ...invite }).returning({ id: invites.id });
    if (!row) throw new Error("insert invites returned nothing");
    return { inviteId: row.id };
  });
}

export interface InviteLookup {
  id: string;
  organisationId: string;
  organisationName: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  expiresAt: Date;
  acceptedAt: Date | null;
  /** When the person was archived (an athlete) or removed (staff) after being invited; null while active. */
  withdrawnAt: Date | null;
}

/**
 * Find an invite by the hash of its token. The token is the credential here (the person is
 * not signed in yet), so this is looked up across organisations like a sign-in.
 */
export async function findInviteByTokenHash(db: Database, tokenHash: string): Promise<InviteLookup | null> {
  const [row] = await db
    .select({
      id: invites.id,
      organisationId: invites.organisationId,
      organisationName: organisations.name,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      expiresAt: invites.expiresAt,
      acceptedAt: invites.acceptedAt,
      withdrawnAt: sql<Date | null>`coalesce(${users.archivedAt}, ${athleteProfiles.archivedAt})`.mapWith((value: string | Date) => new Date(value)),
    })
    .from(invites)
    .innerJoin(users, eq(users.id, invites.userId))
    .leftJoin(athleteProfiles, eq(athleteProfiles.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, invites.organisationId))
    .where(eq(invites.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

/**
 * Use an invite once: mark it accepted and set the password, in one transaction. The
 * conditional update makes a second, concurrent use find nothing to accept.
 */
export async function acceptInvite(
  db: Database,
  invite: { id: string; organisationId: string; userId: string },
  passwordHash: string,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const accepted = await tx
      .update(invites)
      .set({ acceptedAt: now })
      .where(and(eq(invites.id, invite.id), eq(invites.organisationId, invite.organisationId), isNull(invites.acceptedAt)))
      .returning({ id: invites.id });
    if (accepted.length === 0) return false;
    await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.organisationId, invite.organisationId), eq(users.id, invite.userId)));
    return true;
  });
}

/** Where an email already has an account: in this organisation, another one, or nowhere. */
export type EmailHolder = "this_organisation" | "other_organisation" | "none";

export async function emailHolder(db: Database, organisationId: string, email: string): Promise<EmailHolder> {
  const address = email.toLowerCase();
  // Other clubs' rows are hidden by row-level security: ask the one function that sees them all.
  // It runs first on purpose: if it sees a row committed by a racing invite, the own-club query
  // below (a later statement) sees that row too, so a same-club duplicate is never taken for
  // "another club" (read committed).
  if (!(await emailInUse(db, address))) return "none";
  const [own] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.email, address)))
    .limit(1);
  return own ? "this_organisation" : "other_organisation";
}

/** Record an invite for an email that has an account elsewhere (see `membershipInvites`). */
export async function createMembershipInvite(
  db: Database,
  organisationId: string,
  person: { name: string; email: string; role: Role; athleteProfile?: Record<string, unknown> },
  invite: NewInvite,
): Promise<{ inviteId: string }> {
  const [row] = await db
    .insert(membershipInvites)
    .values({
      organisationId,
      email: person.email.toLowerCase(),
      name: person.name,
      role: person.role,
      athleteProfile: person.athleteProfile ?? null,
      ...invite,
    })
    .returning({ id: membershipInvites.id });
  if (!row) throw new Error("insert membership_invites returned nothing");
  return { inviteId: row.id };
}
