import { newInviteToken } from "@loadline/auth/tokens";
import { DomainError, EMAIL_CHANGE_TTL_HOURS, type Actor } from "@loadline/domain";
import {
  cancelEmailChanges,
  createEmailChange,
  emailHolderFor,
  getAthlete,
  getOrganisationName,
  pendingEmailChange,
  reissueInvite,
  setPendingUserEmail,
  type AthleteDetail,
  type Database,
} from "@loadline/db";
import { absoluteUrl, emailChangeRequestedEmail, emailTakenEmail, sendIfConfigured, sendNoticeIfConfigured, staffEmailChangeEmail, type MailContext } from "../email";
import { fieldError } from "../errors";
import { recordAudit } from "./audit";
import { emailInvite, issueInvite } from "./invites";

/**
 * What staff learn after correcting an athlete's email. It is built from what they typed and the
 * clock only: an address with an account in another club gets exactly the same answer as a new
 * one (and the roster shows the same afterwards), like adding an athlete.
 */
export type AthleteEmailAnswer =
  | { kind: "invite"; email: string; invitePath: string; expiresAt: Date }
  | { kind: "confirmation"; email: string; expiresAt: Date };

const noChangeWaiting = "No email change is waiting for confirmation.";

async function athleteOf(db: Database, actor: Actor, athleteId: string): Promise<AthleteDetail> {
  const athlete = await getAthlete(db, actor.organisationId, athleteId);
  if (!athlete) throw new DomainError("not_found", "No such athlete in your club.");
  if (athlete.archived) throw new DomainError("invalid", `${athlete.name} is archived: restore them before correcting their email.`);
  return athlete;
}

/**
 * An athlete who has signed up confirms a new address by opening a link sent to it; without SMTP
 * (and a public address for the link) nothing can reach that address. Depends on the instance
 * only, never on the address typed.
 */
function assertCanConfirm(athlete: AthleteDetail, mail: MailContext | undefined): asserts mail is MailContext {
  if (!mail?.mailer || absoluteUrl(mail, "/") === null) {
    throw new DomainError("invalid", `This Loadline sends no email, so a new address cannot be confirmed. Ask ${athlete.name} to change it on their account page.`);
  }
}

async function emailConfirmation(
  db: Database,
  actor: Actor,
  now: Date,
  athlete: AthleteDetail,
  email: string,
  holder: "none" | "other_organisation",
  mail: MailContext,
  options: { tellOldAddress: boolean },
): Promise<AthleteEmailAnswer> {
  const { token, tokenHash } = newInviteToken();
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_TTL_HOURS * 3_600_000);
  // Recorded in both cases, so the staff screen shows the same pending confirmation; for an
  // address taken elsewhere nobody holds the token and the request simply expires.
  await createEmailChange(db, actor.organisationId, athlete.userId, { newEmail: email, tokenHash, expiresAt }, now);
  const clubName = (await getOrganisationName(db, actor.organisationId)) ?? "Your club";
  if (holder === "none") {
    await sendIfConfigured(mail, `/confirm-email/${token}`, (url) => staffEmailChangeEmail({ to: email, name: athlete.name, clubName, url }));
  } else {
    await sendNoticeIfConfigured(mail, emailTakenEmail({ to: email, clubName }));
  }
  // The athlete did not ask for this themselves: their current address hears of it.
  if (options.tellOldAddress) await sendNoticeIfConfigured(mail, emailChangeRequestedEmail({ to: athlete.email, name: athlete.name, clubName }));
  return { kind: "confirmation", email, expiresAt };
}

/**
 * Staff correct an athlete's email. Before the athlete has signed up, the invite moves to the new
 * address (the old link stops working); afterwards a confirmation link goes to the new address and
 * the account moves when it is opened. A duplicate inside the club is named at the field (staff see
 * their own roster); an address used in another club is never named.
 */
export async function correctAthleteEmail(db: Database, actor: Actor, now: Date, input: { athleteId: string; email: string }, mail?: MailContext): Promise<AthleteEmailAnswer> {
  const athlete = await athleteOf(db, actor, input.athleteId);
  const email = input.email.toLowerCase();
  if (athlete.email === email) throw fieldError("email", `This is already ${athlete.name}'s email`);
  if (athlete.account === "active") assertCanConfirm(athlete, mail);
  const holder = await emailHolderFor(db, actor.organisationId, email, athlete.userId);
  if (holder === "this_organisation") throw fieldError("email", "Someone in your club already uses this email");

  let answer: AthleteEmailAnswer;
  if (athlete.account === "invited") {
    // A free address is taken at once (so it is reserved for them); one with an account elsewhere
    // stays on the invite only, and accepting that invite is refused while the address is taken.
    if (holder === "none") await setPendingUserEmail(db, actor.organisationId, athlete.userId, email);
    const { invite, invitePath } = issueInvite(actor.userId, now);
    const sent = await reissueInvite(db, actor.organisationId, athlete.userId, invite, now, { email });
    if (!sent) throw new DomainError("conflict", `${athlete.name} has just set a password: reload the page.`);
    // As when adding an athlete, an address with an account elsewhere is sent nothing.
    if (sent.toAccountEmail) await emailInvite(db, mail, actor.organisationId, { email, name: athlete.name, role: "athlete" }, invitePath);
    answer = { kind: "invite", email, invitePath, expiresAt: invite.expiresAt };
  } else {
    assertCanConfirm(athlete, mail);
    answer = await emailConfirmation(db, actor, now, athlete, email, holder === "other_organisation" ? holder : "none", mail, { tellOldAddress: true });
  }
  // No address in the audit: the row says what happened, the roster says to whom.
  await recordAudit(db, actor, now, [
    { athleteId: athlete.id, action: "write", entity: "athlete_email", entityId: athlete.id, detail: answer.kind === "invite" ? "corrected; invite re-sent" : "correction sent for confirmation" },
  ]);
  return answer;
}

/** A new confirmation link to the address waiting for confirmation (the previous link stops working). */
export async function resendAthleteEmailChange(db: Database, actor: Actor, now: Date, athleteId: string, mail?: MailContext): Promise<AthleteEmailAnswer> {
  const athlete = await athleteOf(db, actor, athleteId);
  const pending = athlete.account === "active" ? await pendingEmailChange(db, actor.organisationId, athlete.userId, now) : null;
  if (!pending) throw new DomainError("not_found", noChangeWaiting);
  assertCanConfirm(athlete, mail);
  const holder = await emailHolderFor(db, actor.organisationId, pending.newEmail, athlete.userId);
  if (holder === "this_organisation" || holder === "self") {
    throw new DomainError("conflict", "Someone in your club now uses this email: cancel the change and choose another address.");
  }
  const answer = await emailConfirmation(db, actor, now, athlete, pending.newEmail, holder, mail, { tellOldAddress: false });
  await recordAudit(db, actor, now, [{ athleteId: athlete.id, action: "write", entity: "athlete_email", entityId: athlete.id, detail: "confirmation re-sent" }]);
  return answer;
}

/** Withdraw a change waiting for confirmation: its link stops working, the email stays as it is. */
export async function cancelAthleteEmailChange(db: Database, actor: Actor, now: Date, athleteId: string): Promise<{ athleteId: string }> {
  const athlete = await athleteOf(db, actor, athleteId);
  if ((await cancelEmailChanges(db, actor.organisationId, athlete.userId, now)) === 0) throw new DomainError("not_found", noChangeWaiting);
  await recordAudit(db, actor, now, [{ athleteId: athlete.id, action: "write", entity: "athlete_email", entityId: athlete.id, detail: "change cancelled" }]);
  return { athleteId: athlete.id };
}
