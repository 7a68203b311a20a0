import { canChangeStaffRole, DomainError, type Actor, type AddAthleteInput, type RosterProfileInput, type SquadInput } from "@loadline/domain";
import {
  countActiveCoaches,
  countOwnSquads,
  createSquad as createSquadQuery,
  getAthlete,
  getStaffMember,
  reissueInvite,
  removeStaffMember,
  revokeStaffInvite,
  setAthleteArchivedAt,
  setAthleteSquads,
  setSquadArchivedAt,
  setSquadCoaches,
  setStaffRole,
  updateAthlete,
  updateSquad,
  type Database,
} from "@loadline/db";
import { fieldError } from "../errors";
import { afterClinicalWrite } from "./assessments";
import { recordAudit } from "./audit";
import type { MailContext } from "../email";
import { emailInvite, inviteAthlete, issueInvite, type InviteAnswer } from "./invites";

const noSquad = (): never => {
  throw new DomainError("not_found", "No such squad in your club.");
};

export async function createSquad(db: Database, actor: Actor, now: Date, input: SquadInput): Promise<{ squadId: string }> {
  const { id } = await createSquadQuery(db, actor.organisationId, input);
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "squad", entityId: id, detail: "created" }]);
  return { squadId: id };
}

export async function renameSquad(db: Database, actor: Actor, now: Date, squadId: string, input: SquadInput): Promise<{ squadId: string }> {
  if (!(await updateSquad(db, actor.organisationId, squadId, input))) noSquad();
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "squad", entityId: squadId, detail: "renamed" }]);
  return { squadId };
}

/** Archive or restore a squad: its athletes stay in the club (and in their other squads). */
export async function archiveSquad(db: Database, actor: Actor, now: Date, squadId: string, archived: boolean): Promise<{ squadId: string; archived: boolean }> {
  if (!(await setSquadArchivedAt(db, actor.organisationId, squadId, archived ? now : null))) noSquad();
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "squad", entityId: squadId, detail: archived ? "archived" : "restored" }]);
  return { squadId, archived };
}

/** Which coaches look after a squad (their board, planner and alerts open on it). */
export async function assignCoaches(db: Database, actor: Actor, now: Date, squadId: string, coachIds: string[]): Promise<{ squadId: string; coachIds: string[] }> {
  const unique = [...new Set(coachIds)];
  if ((await countActiveCoaches(db, actor.organisationId, unique)) !== unique.length) throw fieldError("coachIds", "Choose coaches of your club");
  if (!(await setSquadCoaches(db, actor.organisationId, squadId, unique))) noSquad();
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "squad_coaches", entityId: squadId, detail: `${unique.length} coach(es)` }]);
  return { squadId, coachIds: unique };
}

/** The owner switches a staff member between coach and physio; their sessions end (other pages). */
export async function changeStaffRole(db: Database, actor: Actor, now: Date, userId: string, role: "coach" | "physio"): Promise<{ userId: string; role: "coach" | "physio" }> {
  if (userId === actor.userId) throw new DomainError("invalid", "You cannot change your own role.");
  const member = await getStaffMember(db, actor.organisationId, userId);
  if (!member) throw new DomainError("not_found", "No such staff member in your club.");
  if (!canChangeStaffRole(member, role)) {
    throw new DomainError("invalid", member.isOwner ? "The owner's role cannot change: transfer ownership first." : `${member.name} is already a ${role}.`);
  }
  await setStaffRole(db, actor.organisationId, userId, role);
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "staff_role", entityId: userId, detail: `now ${role}` }]);
  return { userId, role };
}

/** Staff who have not set a password yet: coaches act on physios' invites, the owner on anyone's. */
async function pendingStaff(db: Database, actor: Actor, userId: string) {
  const member = await getStaffMember(db, actor.organisationId, userId);
  if (!member || member.hasPassword) throw new DomainError("not_found", "No pending invite for this person in your club.");
  if (member.role === "coach" && actor.isOwner !== true) throw new DomainError("forbidden", "Only the owner manages coaches' invites.");
  return member;
}

/** A fresh link for a staff member who has not signed up; older links stop working. */
export async function reissueStaffInvite(db: Database, actor: Actor, now: Date, userId: string, mail?: MailContext): Promise<InviteAnswer> {
  const member = await pendingStaff(db, actor, userId);
  const { invite, invitePath } = issueInvite(actor.userId, now);
  if (!(await reissueInvite(db, actor.organisationId, userId, invite, now))) throw new DomainError("not_found", "No pending invite for this person in your club.");
  await emailInvite(db, mail, actor.organisationId, { email: member.email, name: member.name, role: member.role }, invitePath);
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "staff_invite", entityId: userId, detail: "New invite link" }]);
  return { invitePath, expiresAt: invite.expiresAt };
}

/** Withdraw a staff invite: the person had no account yet, so nothing of theirs remains. */
export async function revokeInvite(db: Database, actor: Actor, now: Date, userId: string): Promise<{ userId: string }> {
  await pendingStaff(db, actor, userId);
  if (!(await revokeStaffInvite(db, actor.organisationId, userId))) throw new DomainError("not_found", "No pending invite for this person in your club.");
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "staff_invite", entityId: userId, detail: "revoked" }]);
  return { userId };
}

export function noAthlete(): never {
  throw new DomainError("not_found", "No such athlete in your club.");
}

/** The squads named, each once, all of the actor's club; or a refusal at the squads field. */
async function ownSquads(db: Database, organisationId: string, squadIds: string[]): Promise<string[]> {
  const unique = [...new Set(squadIds)];
  if ((await countOwnSquads(db, organisationId, unique)) !== unique.length) {
    throw fieldError("squadIds", "Choose squads of your club");
  }
  return unique;
}

/**
 * Add an athlete to the roster in squads of the club, with an invite. No athlete id in the
 * answer: an email with an account in another club gets a pending invite and no profile yet, and
 * both answers must look the same (see inviteAthlete).
 */
export async function addAthlete(db: Database, actor: Actor, now: Date, input: AddAthleteInput, mail?: MailContext): Promise<InviteAnswer> {
  const squadIds = await ownSquads(db, actor.organisationId, input.squadIds);
  return inviteAthlete(db, actor, now, { ...input, squadIds }, mail);
}

/**
 * Change an athlete's roster profile (name, event, squads...). The engine reads some of it (age,
 * sex, pre-injury volume, previous injury, squads for their planned sessions), so the athlete is
 * re-assessed.
 */
export async function updateAthleteProfile(db: Database, actor: Actor, now: Date, input: RosterProfileInput & { athleteId: string }): Promise<{ athleteId: string }> {
  const { athleteId, ...profile } = input;
  const squadIds = await ownSquads(db, actor.organisationId, profile.squadIds);
  const ok = await updateAthlete(db, actor.organisationId, athleteId, { ...profile, squadIds }, now);
  if (!ok) noAthlete();
  await recordAudit(db, actor, now, [{ athleteId, action: "write", entity: "athlete_profile", entityId: athleteId, detail: "Edited the roster profile" }]);
  await afterClinicalWrite(db, actor.organisationId, [athleteId], now);
  return { athleteId };
}

/** Move an athlete into exactly these squads of the club; re-assessed, as their squads' planned sessions are now theirs. */
export async function moveAthlete(db: Database, actor: Actor, now: Date, athleteId: string, squadIds: string[]): Promise<{ athleteId: string }> {
  const unique = await ownSquads(db, actor.organisationId, squadIds);
  if (!(await setAthleteSquads(db, actor.organisationId, athleteId, unique))) noAthlete();
  await recordAudit(db, actor, now, [{ athleteId, action: "write", entity: "squad_membership", entityId: athleteId, detail: `Moved to ${unique.length} squad${unique.length === 1 ? "" : "s"}` }]);
  await afterClinicalWrite(db, actor.organisationId, [athleteId], now);
  return { athleteId };
}

/**
 * Archive or restore an athlete (the roster lists archived athletes only when asked). Audited:
 * archiving starts the club's retention clock, after which the athlete's records are erased.
 */
export async function setAthleteArchived(db: Database, actor: Actor, now: Date, athleteId: string, archived: boolean): Promise<{ athleteId: string; archived: boolean }> {
  const archivedAt = archived ? now : null;
  if (!(await setAthleteArchivedAt(db, actor.organisationId, athleteId, archivedAt))) noAthlete();
  await recordAudit(db, actor, now, [{ athleteId, action: "write", entity: "athlete_archive", entityId: athleteId, detail: archived ? "Archived" : "Restored" }]);
  return { athleteId, archived };
}

/** A new invite link for an athlete who has not set a password yet; older links stop working. */
export async function reissueAthleteInvite(db: Database, actor: Actor, now: Date, athleteId: string, mail?: MailContext): Promise<InviteAnswer> {
  const athlete = (await getAthlete(db, actor.organisationId, athleteId)) ?? noAthlete();
  if (athlete.account === "active") {
    throw new DomainError("invalid", `${athlete.name} has already set a password.`);
  }
  const { invite, invitePath } = issueInvite(actor.userId, now);
  const sent = await reissueInvite(db, actor.organisationId, athlete.userId, invite, now);
  if (!sent) throw new DomainError("invalid", `${athlete.name} has already set a password.`);
  // An address corrected to one with an account elsewhere is sent nothing (see correctAthleteEmail).
  if (sent.toAccountEmail) await emailInvite(db, mail, actor.organisationId, { email: sent.email, name: athlete.name, role: "athlete" }, invitePath);
  await recordAudit(db, actor, now, [{ athleteId, action: "write", entity: "athlete_invite", entityId: athleteId, detail: "New invite link" }]);
  return { invitePath, expiresAt: invite.expiresAt };
}

/**
 * Remove a staff member from the club: archived, and every session they have ends. Coaches
 * remove physios; only the owner removes another coach; nobody removes the owner or themselves.
 */
export async function removeStaff(db: Database, actor: Actor, now: Date, userId: string): Promise<{ userId: string }> {
  if (userId === actor.userId) throw new DomainError("invalid", "You cannot remove yourself.");
  const includeCoaches = actor.isOwner === true;
  if (!(await removeStaffMember(db, actor.organisationId, userId, now, { includeCoaches }))) {
    throw new DomainError(
      "not_found",
      includeCoaches ? "No such staff member in your club (the owner cannot be removed)." : "No such physio in your club (only the owner removes coaches).",
    );
  }
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "staff_member", entityId: userId, detail: "Removed from the club; sessions ended" }]);
  return { userId };
}
