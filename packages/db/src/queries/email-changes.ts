import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { emailChanges, organisations, users } from "../schema";

/** Record a request to change a user's email; older unused requests stop working. */
export async function createEmailChange(
  db: Database,
  organisationId: string,
  userId: string,
  change: { newEmail: string; tokenHash: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db
    .update(emailChanges)
    .set({ expiresAt: now })
    .where(and(eq(emailChanges.organisationId, organisationId), eq(emailChanges.userId, userId), isNull(emailChanges.usedAt)));
  await db.insert(emailChanges).values({ organisationId, userId, ...change, newEmail: change.newEmail.toLowerCase() });
}

export interface EmailChangeLookup {
  id: string;
  organisationId: string;
  organisationName: string;
  userId: string;
  newEmail: string;
  expiresAt: Date;
  usedAt: Date | null;
  active: boolean;
}

/** Find a request by its token's hash: the token is the credential, looked up across clubs. */
export async function findEmailChangeByTokenHash(db: Database, tokenHash: string): Promise<EmailChangeLookup | null> {
  const [row] = await db
    .select({
      id: emailChanges.id,
      organisationId: emailChanges.organisationId,
      organisationName: organisations.name,
      userId: emailChanges.userId,
      newEmail: emailChanges.newEmail,
      expiresAt: emailChanges.expiresAt,
      usedAt: emailChanges.usedAt,
      archivedAt: users.archivedAt,
    })
    .from(emailChanges)
    .innerJoin(users, eq(users.id, emailChanges.userId))
    .innerJoin(organisations, eq(organisations.id, emailChanges.organisationId))
    .where(eq(emailChanges.tokenHash, tokenHash))
    .limit(1);
  if (!row) return null;
  const { archivedAt, ...change } = row;
  return { ...change, active: archivedAt === null };
}

/**
 * Use the request once: mark it used and move the user to the new email, in one transaction.
 * A concurrent second use finds nothing to mark; an address taken meanwhile fails on the
 * unique email key (users_email_key).
 */
export async function applyEmailChange(db: Database, change: { id: string; organisationId: string; userId: string; newEmail: string }, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const used = await tx
      .update(emailChanges)
      .set({ usedAt: now })
      .where(and(eq(emailChanges.id, change.id), isNull(emailChanges.usedAt)))
      .returning({ id: emailChanges.id });
    if (used.length === 0) return false;
    await tx
      .update(users)
      .set({ email: change.newEmail })
      .where(and(eq(users.organisationId, change.organisationId), eq(users.id, change.userId)));
    return true;
  });
}

/** The newest request to move a user to a new email that can still be confirmed, or null. */
export async function pendingEmailChange(db: Database, organisationId: string, userId: string, now: Date): Promise<{ newEmail: string; expiresAt: Date } | null> {
  const [row] = await db
    .select({ newEmail: emailChanges.newEmail, expiresAt: emailChanges.expiresAt })
    .from(emailChanges)
    .where(and(eq(emailChanges.organisationId, organisationId), eq(emailChanges.userId, userId), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, now)))
    .orderBy(desc(emailChanges.createdAt))
    .limit(1);
  return row ?? null;
}

/** Withdraw every unused request of a user: their links stop working. Answers how many were open. */
export async function cancelEmailChanges(db: Database, organisationId: string, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(emailChanges)
    .set({ expiresAt: now })
    .where(and(eq(emailChanges.organisationId, organisationId), eq(emailChanges.userId, userId), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, now)))
    .returning({ id: emailChanges.id });
  return rows.length;
}
