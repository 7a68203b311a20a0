import { and, desc, eq, isNull, sql } from "drizzle-orm";
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
 * A fresh link for someone who has not set a password yet (the old link was lost or expired, or
 * staff corrected the address). `email` sends this invite to a corrected address; without it the
 * newest invite's address is kept. Returns where the invite goes (`toAccountEmail`: the account
 * already holds that address), or null when the user is not in the organisation or already has a
 * password.
 */
export async function reissueInvite(
  db: Database,
  organisationId: string,
  userId: string,
  invite: NewInvite,
  now: Date,
  options: { email?: string } = {},
): Promise<{ inviteId: string; email: string; toAccountEmail: boolean } | null> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(eq(users.organisationId, organisationId), eq(users.id, userId), isNull(users.passwordHash)));
    if (!user) return null;
    const [previous] = await tx
      .select({ email: invites.email })
      .from(invites)
      .where(and(eq(invites.organisationId, organisationId), eq(invites.userId, userId), isNull(invites.acceptedAt)))
      .orderBy(desc(invites.createdAt))
      .limit(1);
    const address = options.email?.toLowerCase() ?? previous?.email ?? user.email;
    // Older unused links stop working: only the newest one is valid.
    await tx
      .update(invites)
      .set({ expiresAt: now })
      .where(and(eq(invites.organisationId, organisationId), eq(invites.userId, userId), isNull(invites.acceptedAt)));
    const [row] = await tx
      .insert(invites)
      .values({ organisationId, userId, ...invite, email: address === user.email ? null : address })
      .returning({ id: invites.id });
    if (!row) throw new Error("insert invites returned nothing");
    return { inviteId: row.id, email: address, toAccountEmail: address === user.email };
  });
}

/**
 * Give a person who has not set a password yet a corrected email. False when they are not in the
 * organisation, already have a password, or the address is taken (the caller checked it is free;
 * a racing insert loses on the unique key instead of failing the write).
 */
export async function setPendingUserEmail(db: Database, organisationId: string, userId: string, email: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ email: email.toLowerCase() })
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId), isNull(users.passwordHash)))
    .returning({ id: users.id });
  return rows.length > 0;
}

export interface InviteLookup {
  id: string;
  organisationId: string;
  organisationName: string;
  userId: string;
  name: string;
  /** Where the invite was sent: the account's email, or the address staff corrected it to. */
  email: string;
  /** The corrected address when the account does not hold it yet: accepting moves the account there. */
  movesTo: string | null;
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
      accountEmail: users.email,
      inviteEmail: invites.email,
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
  if (!row) return null;
  const { accountEmail, inviteEmail, ...invite } = row;
  const movesTo = inviteEmail !== null && inviteEmail !== accountEmail ? inviteEmail : null;
  return { ...invite, email: movesTo ?? accountEmail, movesTo };
}

/**
 * Use an invite once: mark it accepted and set the password, in one transaction. The
 * conditional update makes a second, concurrent use find nothing to accept.
 */
export async function acceptInvite(
  db: Database,
  invite: { id: string; organisationId: string; userId: string; movesTo?: string | null },
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
      .set(invite.movesTo ? { passwordHash, email: invite.movesTo } : { passwordHash })
      .where(and(eq(users.organisationId, invite.organisationId), eq(users.id, invite.userId)));
    return true;
  });
}

/** Where an email already has an account: in this organisation, another one, or nowhere. */
export type EmailHolder = "this_organisation" | "other_organisation" | "none";

export async function emailHolder(db: Database, organisationId: string, email: string): Promise<EmailHolder> {
  const holder = await emailHolderFor(db, organisationId, email, null);
  return holder === "self" ? "this_organisation" : holder;
}

/**
 * `emailHolder` for correcting one person's email: "self" when the address is already that
 * person's own (correcting back to it is no conflict with anyone). With no person, never "self".
 */
export async function emailHolderFor(db: Database, organisationId: string, email: string, userId: string | null): Promise<EmailHolder | "self"> {
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
  if (!own) return "other_organisation";
  return own.id === userId ? "self" : "this_organisation";
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
