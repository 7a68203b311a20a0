import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Role } from "@loadline/domain";
import type { Database } from "../client";
import { organisations, users } from "../schema";
import { endAllSessions } from "./sessions";

export interface SecondFactorRecord {
  role: Role;
  email: string;
  passwordHash: string | null;
  totpSecret: string | null;
  totpPendingSecret: string | null;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
  physioSecondFactorRequired: boolean;
}

/** The user's second-factor state and their club's policy. */
export async function getSecondFactor(db: Database, organisationId: string, userId: string): Promise<SecondFactorRecord | null> {
  const [row] = await db
    .select({
      role: users.role,
      email: users.email,
      passwordHash: users.passwordHash,
      totpSecret: users.totpSecret,
      totpPendingSecret: users.totpPendingSecret,
      enabledAt: users.totpEnabledAt,
      recoveryCodesLeft: sql<number>`cardinality(${users.recoveryCodeHashes})`.mapWith(Number),
      physioSecondFactorRequired: organisations.physioSecondFactorRequired,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId), isNull(users.archivedAt)))
    .limit(1);
  return row ?? null;
}

/** Keep a new, not yet confirmed secret (replacing any earlier pending one). */
export async function setPendingTotpSecret(db: Database, organisationId: string, userId: string, sealed: string): Promise<void> {
  await db
    .update(users)
    .set({ totpPendingSecret: sealed })
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
}

/**
 * Turn the second factor on with the pending secret the user just proved (conditional on it
 * still being the pending one), with fresh recovery codes.
 */
export async function enableTotp(
  db: Database,
  organisationId: string,
  userId: string,
  confirmed: { sealed: string; step: number; recoveryCodeHashes: string[] },
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({
      totpSecret: confirmed.sealed,
      totpPendingSecret: null,
      totpLastStep: confirmed.step,
      totpEnabledAt: now,
      recoveryCodeHashes: confirmed.recoveryCodeHashes,
    })
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId), eq(users.totpPendingSecret, confirmed.sealed)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Turn the second factor off and end every session (a sign-in without it starts afresh). */
export async function disableTotp(db: Database, organisationId: string, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null, totpEnabledAt: null, recoveryCodeHashes: [] })
      .where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
    await endAllSessions(tx, userId);
  });
}

/** Accept a TOTP time step once: false when this or a later step was already used (a replay). */
export async function acceptTotpStep(db: Database, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Use a recovery code once (atomic): false when it is not one of the user's unused codes. */
export async function useRecoveryCode(db: Database, userId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ recoveryCodeHashes: sql`array_remove(${users.recoveryCodeHashes}, ${codeHash})` })
    .where(and(eq(users.id, userId), sql`${codeHash} = any(${users.recoveryCodeHashes})`, gt(sql`cardinality(${users.recoveryCodeHashes})`, 0)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** The owner's setting: physios must set up a second factor. */
export async function setPhysioSecondFactorRequired(db: Database, organisationId: string, required: boolean): Promise<void> {
  await db.update(organisations).set({ physioSecondFactorRequired: required }).where(eq(organisations.id, organisationId));
}

/** The club's security settings, for the staff page. */
export async function getSecurityPolicy(db: Database, organisationId: string): Promise<{ physioSecondFactorRequired: boolean } | null> {
  const [row] = await db
    .select({ physioSecondFactorRequired: organisations.physioSecondFactorRequired })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .limit(1);
  return row ?? null;
}
