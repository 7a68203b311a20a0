import { hashPassword, verifyPassword } from "@loadline/auth/password";
import { matchTotp, newRecoveryCodes, newTotpSecret, openSecret, sealSecret, secondFactorKey, totpUri } from "@loadline/auth/second-factor";
import { realSleep, throttledAttempt } from "@loadline/auth/throttle";
import { DomainError, mayUseSecondFactor, secondFactorRequired, type Actor } from "@loadline/domain";
import { changePassword, disableTotp, enableTotp, getPasswordHash, getSecondFactor, setPendingTotpSecret, type Database } from "@loadline/db";
import type { Context } from "../context";
import { requestEmailChange, type EmailChangeAnswer } from "./account";
import { describeError, jsonLogger } from "../logger";
import { recordAudit } from "./audit";

/*
 * A signed-in person's own credentials: password, email and second factor. Each write that a
 * guessed password could abuse is throttled like a sign-in.
 */

/** What these use cases need of the request: the signed-in actor, the clock, the sealing key, the mailer. */
export type OwnRequest = Pick<Context, "db" | "now" | "sleep" | "secondFactorKey" | "mailer" | "instance" | "log" | "requestId"> & { actor: Actor };

/** The sealing key; `secondFactorKey` lets tests inject one. */
const keyOf = (request: OwnRequest): Buffer => request.secondFactorKey ?? secondFactorKey();

const throttleClock = (request: OwnRequest) => ({ now: request.now, sleep: request.sleep ?? realSleep });

async function assertPassword(passwordHash: string | null, password: string, field: string) {
  if (!passwordHash || !(await verifyPassword(password, passwordHash))) {
    const message = "That is not your current password.";
    throw new DomainError("invalid", message, { [field]: [message] });
  }
}

/** Second-factor procedures are for staff; the record of the signed-in user. */
export async function ownSecondFactor(db: Database, actor: Actor) {
  if (!mayUseSecondFactor(actor.role)) throw new DomainError("forbidden", "A second factor is for coaches and physios.");
  const record = await getSecondFactor(db, actor.organisationId, actor.userId);
  if (!record) throw new DomainError("unauthenticated", "Your account no longer exists.");
  return record;
}

/**
 * Change one's own password. The current password is required (and throttled like a sign-in);
 * every session of the user ends, this one included.
 */
export function changeOwnPassword(request: OwnRequest, input: { currentPassword: string; newPassword: string }): Promise<{ email: string }> {
  const { organisationId, userId } = request.actor;
  const key = `password-change:${userId}`;
  return throttledAttempt(request.db, { all: [key], clearOnSuccess: [key] }, throttleClock(request), async () => {
    const user = await getPasswordHash(request.db, organisationId, userId);
    if (!user) throw new DomainError("unauthenticated", "Your account no longer exists.");
    await assertPassword(user.passwordHash, input.currentPassword, "currentPassword");
    await changePassword(request.db, organisationId, userId, await hashPassword(input.newPassword));
    await auditOwnCredential(request, "password", "Changed own password; sessions ended");
    return { email: user.email };
  });
}

/**
 * Ask to move the account to a new email: the current password is required (and throttled).
 * Only the password check counts as an attempt: an address that cannot be used, refused after
 * the right password, must not lock the person out of their own account settings.
 */
export async function requestOwnEmailChange(request: OwnRequest, input: { email: string; currentPassword: string }): Promise<EmailChangeAnswer> {
  const key = `password-change:${request.actor.userId}`;
  const user = await throttledAttempt(request.db, { all: [key], clearOnSuccess: [key] }, throttleClock(request), async () => {
    const found = await getPasswordHash(request.db, request.actor.organisationId, request.actor.userId);
    if (!found) throw new DomainError("unauthenticated", "Your account no longer exists.");
    await assertPassword(found.passwordHash, input.currentPassword, "currentPassword");
    return found;
  });
  if (user.email === input.email) throw new DomainError("invalid", "This is already your email.", { email: ["This is already your email."] });
  return requestEmailChange(request.db, request.actor, request.now, input.email, request);
}

/**
 * The audit entry of a change to one's own credentials, written once the change has committed
 * (these run outside a tenant transaction): if it cannot be written, the change stands and the
 * person still gets their answer (recovery codes are shown once), and the failure is logged.
 */
async function auditOwnCredential(request: OwnRequest, entity: "password" | "second_factor", detail: string): Promise<void> {
  try {
    await recordAudit(request.db, request.actor, request.now, [{ athleteId: null, action: "write", entity, entityId: request.actor.userId, detail }]);
  } catch (error) {
    (request.log ?? jsonLogger)({ level: "error", event: "audit.failed", requestId: request.requestId, entity, error: describeError(error) });
  }
}

/** Start enrolling: a new secret (kept pending) to add to an authenticator app. */
export async function beginOwnSecondFactor(request: OwnRequest): Promise<{ secret: string; uri: string }> {
  const record = await ownSecondFactor(request.db, request.actor);
  if (record.enabledAt) throw new DomainError("conflict", "A second factor is already set up. Turn it off first to change it.");
  const secret = newTotpSecret();
  await setPendingTotpSecret(request.db, request.actor.organisationId, request.actor.userId, sealSecret(secret, keyOf(request)));
  return { secret, uri: totpUri(secret, record.email) };
}

/** Finish enrolling with a code from the app; answers the recovery codes, shown this once. */
export function confirmOwnSecondFactor(request: OwnRequest, input: { code: string }): Promise<{ recoveryCodes: string[] }> {
  const { db, actor } = request;
  const key = `second-factor:${actor.userId}`;
  return throttledAttempt(db, { all: [key], clearOnSuccess: [key] }, throttleClock(request), async () => {
    const record = await ownSecondFactor(db, actor);
    const sealed = record.totpPendingSecret;
    const secret = sealed ? openSecret(sealed, keyOf(request)) : null;
    if (!sealed || !secret) throw new DomainError("invalid", "Start the set-up again.", { code: ["Start the set-up again."] });
    const step = matchTotp(secret, input.code, request.now);
    if (step === null) throw new DomainError("invalid", "That code is not right. Check the time on your phone.", { code: ["That code is not right."] });
    const recovery = newRecoveryCodes();
    if (!(await enableTotp(db, actor.organisationId, actor.userId, { sealed, step, recoveryCodeHashes: recovery.hashes }, request.now))) {
      throw new DomainError("conflict", "The set-up changed meanwhile. Start again.");
    }
    await auditOwnCredential(request, "second_factor", "Turned on");
    return { recoveryCodes: recovery.codes };
  });
}

/** Turn the second factor off (password required); not while the club requires it. */
export function disableOwnSecondFactor(request: OwnRequest, input: { password: string }): Promise<{ email: string }> {
  const { db, actor } = request;
  const key = `password-change:${actor.userId}`;
  return throttledAttempt(db, { all: [key], clearOnSuccess: [key] }, throttleClock(request), async () => {
    const record = await ownSecondFactor(db, actor);
    if (secondFactorRequired(record.role, record)) throw new DomainError("forbidden", "Your club requires a second factor for physios.");
    await assertPassword(record.passwordHash, input.password, "password");
    await disableTotp(db, actor.organisationId, actor.userId);
    await auditOwnCredential(request, "second_factor", "Turned off; sessions ended");
    return { email: record.email };
  });
}
