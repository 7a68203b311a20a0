import { hashPassword } from "@loadline/auth/password";
import { hashInviteToken, newInviteToken } from "@loadline/auth/tokens";
import { DomainError, INVITE_TTL_HOURS, inviteState, type AcceptInviteInput, type AddAthleteInput, type Actor, type InviteStaffInput } from "@loadline/domain";
import {
  acceptInvite,
  createAthlete,
  createMembershipInvite,
  createStaffInvite,
  emailHolder,
  emailInUse,
  findInviteByTokenHash,
  getOrganisationName,
  type Database,
  type NewInvite,
} from "@loadline/db";
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

/** What an invite link shows before its password is chosen: who it is for, or why it no longer works. */
export async function lookUpInvite(db: Database, now: Date, token: string) {
  const invite = await findInviteByTokenHash(db, hashInviteToken(token));
  if (!invite) return { state: "unknown" as const };
  const state = inviteState(invite, now);
  if (state !== "valid") return { state };
  return { state, name: invite.name, email: invite.email, role: invite.role, organisationName: invite.organisationName };
}

const inviteRefusal = {
  used: "This invite link has already been used.",
  withdrawn: "This invite was withdrawn: you are no longer on this club's list. Ask the club if you think this is a mistake.",
  other: "This invite link is not valid or has expired.",
} as const;

/** Accept an invite with the chosen password (once; the link is the credential, the router throttles it). */
export async function acceptInviteByToken(db: Database, now: Date, input: AcceptInviteInput): Promise<{ email: string; role: string }> {
  const invite = await findInviteByTokenHash(db, hashInviteToken(input.token));
  const state = invite ? inviteState(invite, now) : "unknown";
  if (!invite || state !== "valid") throw new DomainError("gone", state === "used" || state === "withdrawn" ? inviteRefusal[state] : inviteRefusal.other);
  // Staff corrected the address to one that signs in elsewhere: one address, one account.
  if (invite.movesTo && (await emailInUse(db, invite.movesTo))) {
    throw new DomainError("conflict", "This email already signs in to a Loadline account. Ask the club to send the invite to another address.");
  }
  const accepted = await acceptInvite(db, invite, await hashPassword(input.password), now);
  if (!accepted) throw new DomainError("gone", inviteRefusal.used);
  return { email: invite.email, role: invite.role };
}
