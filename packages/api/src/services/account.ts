import { hashInviteToken, newInviteToken } from "@loadline/auth/tokens";
import { DomainError, EMAIL_CHANGE_TTL_HOURS, resetLinkState, type Actor, type OwnAthleteProfileInput } from "@loadline/domain";
import {
  applyEmailChange,
  createEmailChange,
  emailInUse,
  endAllSessions,
  findEmailChangeByTokenHash,
  setUserName,
  updateOwnAthleteProfile,
  type Database,
} from "@loadline/db";
import { emailChangeEmail, sendIfConfigured, type MailContext } from "../email";
import { fieldError } from "../errors";
import { afterClinicalWrite } from "./assessments";

export async function changeOwnName(db: Database, actor: Actor, name: string): Promise<{ name: string }> {
  await setUserName(db, actor.organisationId, actor.userId, name);
  return { name };
}

export interface EmailChangeAnswer {
  /** The confirmation link, shown to copy (and emailed to the new address when SMTP is set up). */
  confirmPath: string;
  expiresAt: Date;
  email: string;
}

/**
 * Ask to move one's account to a new email. Nothing changes until the link is opened, so a
 * typo cannot lock anyone out; the address is checked again when the link is used.
 */
export async function requestEmailChange(db: Database, actor: Actor, now: Date, email: string, mail?: MailContext): Promise<EmailChangeAnswer> {
  if (await emailInUse(db, email)) throw fieldError("email", "This email cannot be used. Choose another one.");
  const { token, tokenHash } = newInviteToken();
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_TTL_HOURS * 3_600_000);
  await createEmailChange(db, actor.organisationId, actor.userId, { newEmail: email, tokenHash, expiresAt }, now);
  const confirmPath = `/confirm-email/${token}`;
  // Sent to the new address: opening it proves the address is theirs.
  if (mail) await sendIfConfigured(mail, confirmPath, (url) => emailChangeEmail({ to: email, url }));
  return { confirmPath, expiresAt, email };
}

const refusal = {
  used: "This link has already been used.",
  expired: "This link has expired. Ask for a new one on your account page.",
  unknown: "This link is not valid.",
} as const;

export async function lookupEmailChange(db: Database, now: Date, token: string) {
  const change = await findEmailChangeByTokenHash(db, hashInviteToken(token));
  const state = resetLinkState(change, now);
  if (state !== "valid" || !change) return { state: state === "valid" ? ("unknown" as const) : state };
  return { state, email: change.newEmail, organisationName: change.organisationName };
}

/** Opening the link moves the account to the new email; every session ends (sign in with it). */
export async function confirmEmailChange(db: Database, now: Date, token: string): Promise<{ email: string }> {
  const change = await findEmailChangeByTokenHash(db, hashInviteToken(token));
  const state = resetLinkState(change, now);
  if (state !== "valid" || !change) throw new DomainError("gone", refusal[state === "valid" ? "unknown" : state]);
  if (await emailInUse(db, change.newEmail)) throw new DomainError("conflict", "This email has been taken meanwhile. Ask for a new link with another address.");
  if (!(await applyEmailChange(db, change, now))) throw new DomainError("gone", refusal.used);
  await endAllSessions(db, change.userId);
  return { email: change.newEmail };
}

/** Sign out of every device, this one included. */
export async function signOutEverywhere(db: Database, actor: Actor): Promise<{ signedOut: true }> {
  await endAllSessions(db, actor.userId);
  return { signedOut: true };
}

/** An athlete edits their own profile; conditions change what the engine reports, so they are re-assessed. */
export async function updateOwnProfile(db: Database, actor: Actor, now: Date, input: OwnAthleteProfileInput): Promise<{ athleteId: string }> {
  const athleteId = actor.athleteId;
  if (!athleteId) throw new DomainError("forbidden", "Only athletes have a profile to edit.");
  if (!(await updateOwnAthleteProfile(db, actor.organisationId, athleteId, input, now))) throw new DomainError("not_found", "No athlete profile for this account.");
  await afterClinicalWrite(db, actor.organisationId, [athleteId], now);
  return { athleteId };
}
