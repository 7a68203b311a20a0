import { randomBytes } from "node:crypto";
import { hashPassword } from "@loadline/auth/password";
import { newInviteToken } from "@loadline/auth/tokens";
import {
  clubSlug,
  clubThresholdsFrom,
  DomainError,
  INVITE_TTL_HOURS,
  type Actor,
  type ClubSettingsInput,
  type ClubSetupInput,
  type OperatorClubInput,
} from "@loadline/domain";
import {
  athleteIdsOfClub,
  createClub,
  deleteClubBySlug,
  emailInUse,
  getClubSettings,
  setPhysioSecondFactorRequired,
  transferOwnership as transferOwnershipQuery,
  updateClubSettings,
  type Database,
} from "@loadline/db";
import { DEMO_ORGANISATION_SLUG } from "@loadline/db/seed";
import { fieldError } from "../errors";
import { afterClinicalWrite } from "./assessments";
import type { MailContext } from "../email";
import { emailInvite } from "./invites";
import { recordAudit } from "./audit";

/** JSON with sorted keys: jsonb gives keys back in its own order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

const newSlug = (name: string) => clubSlug(name, randomBytes(3).toString("hex"));

/**
 * "Set up your club": the first club of an instance (whoever opens an empty instance first owns
 * it, as with most self-hosted tools), or any new club when the operator turned self-service
 * sign-up on. The owner's password is set here, so they can sign in at once.
 */
export async function setUpClub(db: Database, options: { openSignup: boolean }, input: ClubSetupInput): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  if (await emailInUse(db, input.ownerEmail)) throw fieldError("ownerEmail", "This email already has a Loadline account. Sign in instead.");
  const club = { name: input.clubName, slug: newSlug(input.clubName), timeZone: input.timeZone, locale: input.locale, owner: { name: input.ownerName, email: input.ownerEmail } };
  const created = await createClub(db, club, { passwordHash }, { onlyIfNoClub: !options.openSignup });
  if (!created) throw new DomainError("conflict", "This Loadline already has a club. Ask its operator to create yours, or sign in.");
  return { email: input.ownerEmail };
}

export interface OwnerSetupLink {
  organisationId: string;
  /** The owner's one-time link (an invite): they choose their password there. */
  setupPath: string;
  expiresAt: Date;
}

/** An operator (command line or operator page) creates a club; its owner sets up from the link. */
export async function createClubWithOwnerLink(db: Database, input: OperatorClubInput, now: Date, mail?: MailContext): Promise<OwnerSetupLink> {
  if (await emailInUse(db, input.ownerEmail)) throw fieldError("ownerEmail", "This email already has a Loadline account.");
  const { token, tokenHash } = newInviteToken();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_HOURS * 3_600_000);
  const club = { name: input.clubName, slug: newSlug(input.clubName), timeZone: input.timeZone, locale: input.locale, owner: { name: input.ownerName, email: input.ownerEmail } };
  const created = await createClub(db, club, { invite: { tokenHash, expiresAt } });
  if (!created) throw new Error("createClub returned nothing without onlyIfNoClub");
  const setupPath = `/invite/${token}`;
  await emailInvite(db, mail, created.organisationId, { email: input.ownerEmail, name: input.ownerName, role: "coach", owner: true }, setupPath);
  return { organisationId: created.organisationId, setupPath, expiresAt };
}

/**
 * The owner changes the club's settings. A change to what the engine reads (zone, week start,
 * engine defaults) re-assesses every athlete of the club through the queue, in this transaction.
 */
export async function updateSettings(db: Database, actor: Actor, now: Date, input: ClubSettingsInput): Promise<{ reassessed: number }> {
  const before = await getClubSettings(db, actor.organisationId);
  if (!before) throw new DomainError("not_found", "No such club.");
  const engineThresholds = clubThresholdsFrom(input);
  const stored = Object.keys(engineThresholds).length > 0 ? engineThresholds : null;
  await updateClubSettings(db, actor.organisationId, {
    name: input.name,
    timeZone: input.timeZone,
    locale: input.locale,
    weekStartsOn: input.weekStartsOn,
    physioSecondFactorRequired: input.physioSecondFactorRequired,
    checkInReminderEmails: input.checkInReminderEmails ?? before.checkInReminderEmails,
    physioGaitNotes: input.physioGaitNotes,
    engineThresholds: stored,
    archivedAthleteRetentionMonths:
      input.archivedAthleteRetentionMonths === undefined ? before.archivedAthleteRetentionMonths : input.archivedAthleteRetentionMonths,
  });
  const engineChanged =
    before.timeZone !== input.timeZone || before.weekStartsOn !== input.weekStartsOn || stableJson(before.engineThresholds) !== stableJson(stored);
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "club_settings", detail: engineChanged ? "settings and engine defaults" : "settings" }]);
  // Reviewable on its own: this setting erases people.
  if (input.archivedAthleteRetentionMonths !== undefined && input.archivedAthleteRetentionMonths !== before.archivedAthleteRetentionMonths) {
    const detail = input.archivedAthleteRetentionMonths === null ? "retention of archived athletes: off" : `retention of archived athletes: ${input.archivedAthleteRetentionMonths} months`;
    await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "club_retention", detail }]);
  }
  if (!engineChanged) return { reassessed: 0 };
  const athleteIds = await athleteIdsOfClub(db, actor.organisationId);
  await afterClinicalWrite(db, actor.organisationId, athleteIds, now);
  return { reassessed: athleteIds.length };
}

/**
 * The owner requires (or stops requiring) a second factor for physios. Audited on its own: it
 * decides who can open clinical records with a password alone.
 */
export async function setPhysioSecondFactor(db: Database, actor: Actor, now: Date, required: boolean): Promise<{ physioSecondFactorRequired: boolean }> {
  await setPhysioSecondFactorRequired(db, actor.organisationId, required);
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "club_security", detail: required ? "second factor required for physios" : "second factor optional for physios" }]);
  return { physioSecondFactorRequired: required };
}

/** The instance operator removes the demo club and everything in it; no other club is touched. */
export async function removeDemoClub(db: Database): Promise<{ removed: true }> {
  if (!(await deleteClubBySlug(db, DEMO_ORGANISATION_SLUG))) throw new DomainError("not_found", "There is no demo club on this instance.");
  return { removed: true };
}

/** The owner hands the club to another coach; the club keeps exactly one owner. */
export async function transferOwnership(db: Database, actor: Actor, now: Date, toUserId: string): Promise<{ ownerId: string }> {
  if (toUserId === actor.userId) throw fieldError("userId", "You already own the club.");
  if (!(await transferOwnershipQuery(db, actor.organisationId, actor.userId, toUserId))) {
    throw fieldError("userId", "Choose a coach of your club who has set a password.");
  }
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "club_owner", entityId: toUserId, detail: "ownership transferred" }]);
  return { ownerId: toUserId };
}
