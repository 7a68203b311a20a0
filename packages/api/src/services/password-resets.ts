import { hashPassword } from "@loadline/auth/password";
import { hashInviteToken, newInviteToken } from "@loadline/auth/tokens";
import { canIssuePasswordReset, DomainError, PASSWORD_RESET_TTL_HOURS, resetLinkState, type Actor, type ResetPasswordInput } from "@loadline/domain";
import {
  completePasswordReset,
  createPasswordReset,
  findPasswordResetByTokenHash,
  findResetTarget,
  getOrganisationName,
  type Database,
  type NewPasswordReset,
} from "@loadline/db";
import { passwordResetEmail, sendIfConfigured, type MailContext } from "../email";
import { recordAudit } from "./audit";

/** A fresh one-time reset link: the token goes into the path shown once, only its hash is stored. */
export function issuePasswordReset(createdByUserId: string, now: Date): { reset: NewPasswordReset; resetPath: string } {
  const { token, tokenHash } = newInviteToken();
  return {
    reset: { tokenHash, createdByUserId, expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_HOURS * 3_600_000) },
    resetPath: `/reset/${token}`,
  };
}

/** Email the reset link to its owner when SMTP is set up (the issuer still sees it to copy). */
export async function emailPasswordReset(db: Database, mail: MailContext, organisationId: string, to: { email: string; name: string }, resetPath: string): Promise<void> {
  if (!mail.mailer) return;
  const clubName = (await getOrganisationName(db, organisationId)) ?? "your club";
  await sendIfConfigured(mail, resetPath, (url) => passwordResetEmail({ to: to.email, name: to.name, clubName, url }));
}

/**
 * A one-time reset link for a member of the club, shown to copy and emailed when SMTP is set up.
 * Coaches: athletes and staff; physios: athletes; never the owner or oneself. Only for an account
 * that has a password: one still to be set up needs a new invite link instead.
 */
export async function issueResetLink(db: Database, actor: Actor, now: Date, userId: string, mail: MailContext) {
  const target = await findResetTarget(db, actor.organisationId, userId);
  if (!target) throw new DomainError("not_found", "No such person in your club.");
  if (!canIssuePasswordReset(actor, { ...target, organisationId: actor.organisationId })) {
    throw new DomainError("forbidden", "You cannot issue a reset link for this account.");
  }
  if (!target.hasPassword) throw new DomainError("invalid", `${target.name} has not set a password yet: send a new invite link instead.`);
  const { reset, resetPath } = issuePasswordReset(actor.userId, now);
  await createPasswordReset(db, actor.organisationId, target.userId, reset, now);
  await emailPasswordReset(db, mail, actor.organisationId, target, resetPath);
  // Whoever issues the link sees it and could use it: who issued one for whom stays on record.
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "password_reset", entityId: target.userId, detail: "Reset link issued" }]);
  return { resetPath, expiresAt: reset.expiresAt, name: target.name };
}

const refusal = {
  used: "This reset link has already been used.",
  expired: "This reset link has expired. Ask your coach or physio for a new one.",
  unknown: "This reset link is not valid.",
} as const;

/** What a reset link shows before the new password is chosen: whose account, or why it no longer works. */
export async function lookUpResetLink(db: Database, now: Date, token: string) {
  const reset = await findPasswordResetByTokenHash(db, hashInviteToken(token));
  const state = resetLinkState(reset, now);
  if (state !== "valid" || !reset) return { state: state === "valid" ? ("unknown" as const) : state };
  return { state, name: reset.name, email: reset.email, organisationName: reset.organisationName };
}

/** Set the new password through a reset link (once; the link is the credential, the router throttles it); every session of the user ends. */
export async function completeResetByToken(db: Database, now: Date, input: ResetPasswordInput): Promise<{ email: string }> {
  const reset = await findPasswordResetByTokenHash(db, hashInviteToken(input.token));
  const state = resetLinkState(reset, now);
  if (state !== "valid" || !reset) throw new DomainError("gone", refusal[state === "valid" ? "unknown" : state]);
  if (!(await completePasswordReset(db, reset, await hashPassword(input.password), now))) throw new DomainError("gone", refusal.used);
  return { email: reset.email };
}
