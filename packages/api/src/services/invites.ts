import { newInviteToken } from "@loadline/auth/tokens";
import { INVITE_TTL_HOURS, type AddAthleteInput, type Actor, type InviteStaffInput } from "@loadline/domain";
import { createAthlete, createMembershipInvite, createStaffInvite, emailHolder, getOrganisationName, type Database, type NewInvite } from "@loadline/db";
import { inviteEmail, sendIfConfigured, type MailContext } from "../email";
import { fieldError } from "../errors";
import { recordAudit } from "./audit";


/**
 * Email an invite link when SMTP is set up. The answer to the inviter never says whether it was
 * sent: an email with an account in another club gets no working link to send, and both answers
 * must look the same.
 */
export async function emailInvite(db: Database, mail: MailContext | undefined, organisationId: string, to: { email: string; name: string; role: string; owner?: boolean }, invitePath: string): Promise<void> {
  if (!mail?.mailer) return;
  const clubName = (await getOrganisationName(db, organisationId)) ?? "Your club";
  await sendIfConfigured(mail, invitePath, (url) => inviteEmail({ to: to.email, name: to.name, clubName, role: to.role, url, ...(to.owner ? { owner: true } : {}) }));
}

/** A fresh one-time link: the token goes into the path shown once, only its hash is stored. */
export function issueInvite(createdByUserId: string, now: Date): { invite: NewInvite; invitePath: string } {
  const { token, tokenHash } = newInviteToken();
  return {
    invite: { tokenHash, createdByUserId, expiresAt: new Date(now.getTime() + INVITE_TTL_HOURS * 3_600_000) },
    invitePath: `/invite/${token}`,
  };
}

export interface InviteAnswer {
  invitePath: string;
  expiresAt: Date;
}

/**
 * The email is checked against this club only. Someone with an account in another club gets a
 * pending membership invite instead of a new account, and the answer is the same as for a new
 * person: inviting must not reveal who uses Loadline elsewhere.
 */
async function assertNotInThisClub(db: Database, organisationId: string, email: string) {
  const holder = await emailHolder(db, organisationId, email);
  if (holder === "this_organisation") throw fieldError("email", "This person is already in your club");
  return holder;
}

export async function inviteStaff(db: Database, actor: Actor, now: Date, input: InviteStaffInput, mail?: MailContext): Promise<InviteAnswer> {
  const holder = await assertNotInThisClub(db, actor.organisationId, input.email);
  const { invite, invitePath } = issueInvite(actor.userId, now);
  if (holder === "other_organisation") {
    await createMembershipInvite(db, actor.organisationId, input, invite);
  } else {
    await createStaffInvite(db, actor.organisationId, input, invite);
    await emailInvite(db, mail, actor.organisationId, input, invitePath);
  }
  // No address in the entry, and the same entry either way (an account elsewhere stays unsaid).
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "staff_invite", entityId: null, detail: `Invited a ${input.role}` }]);
  return { invitePath, expiresAt: invite.expiresAt };
}

export async function inviteAthlete(db: Database, actor: Actor, now: Date, input: AddAthleteInput, mail?: MailContext): Promise<InviteAnswer> {
  const holder = await assertNotInThisClub(db, actor.organisationId, input.email);
  const { invite, invitePath } = issueInvite(actor.userId, now);
  if (holder === "other_organisation") {
    const { email, name, ...athleteProfile } = input;
    await createMembershipInvite(db, actor.organisationId, { email, name, role: "athlete", athleteProfile }, invite);
  } else {
    await createAthlete(db, actor.organisationId, input, invite);
    await emailInvite(db, mail, actor.organisationId, { email: input.email, name: input.name, role: "athlete" }, invitePath);
  }
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "athlete_invite", entityId: null, detail: "Invited an athlete" }]);
  return { invitePath, expiresAt: invite.expiresAt };
}
