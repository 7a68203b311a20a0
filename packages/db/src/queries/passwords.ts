import { and, eq, isNull } from "drizzle-orm";
import type { Role } from "@loadline/domain";
import type { Database } from "../client";
import { athleteProfiles, organisations, passwordResets, users } from "../schema";
import { endAllSessions } from "./sessions";

/** The stored password hash of an active user of the organisation, or null. */
export async function getPasswordHash(db: Database, organisationId: string, userId: string): Promise<{ email: string; passwordHash: string | null } | null> {
  const [row] = await db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId), isNull(users.archivedAt)))
    .limit(1);
  return row ?? null;
}

/** Set a new password hash and end every session of the user, in one transaction. */
export async function changePassword(db: Database, organisationId: string, userId: string, passwordHash: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
    await endAllSessions(tx, userId);
  });
}

export interface ResetTarget {
  userId: string;
  name: string;
  email: string;
  role: Role;
  isOwner: boolean;
  hasPassword: boolean;
}

/** A member of the organisation who may get a reset link: not archived, nor their athlete profile. */
export async function findResetTarget(db: Database, organisationId: string, userId: string): Promise<ResetTarget | null> {
  const [row] = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      isOwner: users.isOwner,
      passwordHash: users.passwordHash,
      athleteArchivedAt: athleteProfiles.archivedAt,
    })
    .from(users)
    .leftJoin(athleteProfiles, and(eq(athleteProfiles.organisationId, users.organisationId), eq(athleteProfiles.userId, users.id)))
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId), isNull(users.archivedAt)))
    .limit(1);
  if (!row || row.athleteArchivedAt) return null;
  const { passwordHash, athleteArchivedAt: _archived, ...target } = row;
  return { ...target, hasPassword: passwordHash !== null };
}

export interface NewPasswordReset {
  tokenHash: string;
  createdByUserId: string;
  expiresAt: Date;
}

/** Store a reset link; older unused links of the user stop working (only the newest is valid). */
export async function createPasswordReset(db: Database, organisationId: string, userId: string, reset: NewPasswordReset, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(passwordResets)
      .set({ expiresAt: now })
      .where(and(eq(passwordResets.organisationId, organisationId), eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
    await tx.insert(passwordResets).values({ organisationId, userId, ...reset });
  });
}

export interface PasswordResetLookup {
  id: string;
  organisationId: string;
  organisationName: string;
  userId: string;
  name: string;
  email: string;
  expiresAt: Date;
  usedAt: Date | null;
  /** False when the user was archived after the link was issued. */
  active: boolean;
}

/** Find a reset link by the hash of its token (the token is the credential, as for invites). */
export async function findPasswordResetByTokenHash(db: Database, tokenHash: string): Promise<PasswordResetLookup | null> {
  const [row] = await db
    .select({
      id: passwordResets.id,
      organisationId: passwordResets.organisationId,
      organisationName: organisations.name,
      userId: users.id,
      name: users.name,
      email: users.email,
      expiresAt: passwordResets.expiresAt,
      usedAt: passwordResets.usedAt,
      userArchivedAt: users.archivedAt,
      athleteArchivedAt: athleteProfiles.archivedAt,
    })
    .from(passwordResets)
    .innerJoin(users, and(eq(users.organisationId, passwordResets.organisationId), eq(users.id, passwordResets.userId)))
    .innerJoin(organisations, eq(organisations.id, passwordResets.organisationId))
    .leftJoin(athleteProfiles, and(eq(athleteProfiles.organisationId, users.organisationId), eq(athleteProfiles.userId, users.id)))
    .where(eq(passwordResets.tokenHash, tokenHash))
    .limit(1);
  if (!row) return null;
  const { userArchivedAt, athleteArchivedAt, ...reset } = row;
  return { ...reset, active: userArchivedAt === null && athleteArchivedAt === null };
}

/**
 * Use a reset link once: mark it used, set the password and end every session, in one
 * transaction. The conditional update makes a second, concurrent use find nothing.
 */
export async function completePasswordReset(
  db: Database,
  reset: { id: string; organisationId: string; userId: string },
  passwordHash: string,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const used = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.id, reset.id), eq(passwordResets.organisationId, reset.organisationId), isNull(passwordResets.usedAt)))
      .returning({ id: passwordResets.id });
    if (used.length === 0) return false;
    await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.organisationId, reset.organisationId), eq(users.id, reset.userId)));
    await endAllSessions(tx, reset.userId);
    return true;
  });
}
