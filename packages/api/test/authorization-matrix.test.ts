import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { MEDICAL_REVIEW_MESSAGE, type Actor, type Role } from "@loadline/domain";
import { appRouter } from "../src/root";
import { addAthlete } from "./athlete-helpers";
import { callerFor, createTestDatabase, NOW, testPushSender, type Club } from "./fixtures";
import {
  actorOf,
  buildWorld,
  coachSecrets,
  leaked,
  outcomeOf,
  planted,
  plantedInRecords,
  procedureAt,
  serialise,
  unique,
  type InputOf,
  type Outcome,
  type ProcedurePath,
  type World,
} from "./matrix-helpers";
import { phase1Body, validEpisode } from "./physio-helpers";

/**
 * The authorization matrix: every procedure of `appRouter`, found by walking the router, with
 * who may call it. It proves that
 * - anonymous callers get UNAUTHORIZED (except the public invite procedures);
 * - a signed-in role outside the table gets FORBIDDEN;
 * - a member of another organisation naming organisation A's records gets NOT_FOUND/FORBIDDEN
 *   (or, for lists and own writes, an answer holding nothing of organisation A);
 * - an athlete naming a team-mate's records gets nothing of theirs;
 * - no response a coach can get holds clinical detail (clinical-model.md, "Who sees what");
 * - the roles in the table really can call the procedure (the table is not stricter than the code).
 * A procedure added without an entry here fails the first test (and the typecheck).
 */

// ---------------------------------------------------------------------------------------------
// The table.

const COACH: readonly Role[] = ["coach"];
const PHYSIO: readonly Role[] = ["physio"];
const ATHLETE: readonly Role[] = ["athlete"];
const STAFF: readonly Role[] = ["coach", "physio"];
const PHYSIO_OR_ATHLETE: readonly Role[] = ["physio", "athlete"];
const SIGNED_IN: readonly Role[] = ["coach", "physio", "athlete"];
const ROLES: readonly Role[] = ["coach", "physio", "athlete"];

/**
 * What a member of another organisation gets when the input names organisation A's records:
 * - refused: NOT_FOUND or FORBIDDEN;
 * - no-leak: the call may succeed (a list, or a write of the caller's own), but its answer holds
 *   no id, name or secret of organisation A;
 * - bad-request: the record is a form choice (a squad) checked as "choose a squad of your club",
 *   so the answer is BAD_REQUEST naming the field (still nothing of A);
 * - public: not applicable, anyone may call.
 */
type Stranger = "refused" | "no-leak" | "bad-request" | "public";

interface Rule<P extends ProcedurePath> {
  /** The roles that may call it, or "public" (no sign-in needed). */
  who: readonly Role[] | "public";
  /** A valid input naming `target`'s records; `self` is the caller's club (for fields that must be theirs). */
  input: (target: World, self: Club) => InputOf<P>;
  stranger: Stranger;
  /** Fields a coach sees by design that look clinical; not searched for in this procedure's answer. */
  coachMaySee?: readonly string[];
  /**
   * What an allowed role gets in its own club when the row's input cannot succeed by design (a
   * wrong password, a code nobody knows); by default the call must answer OK.
   */
  allowedAnswer?: RegExp;
  note?: string;
}

type Matrix = { [P in ProcedurePath]: Rule<P> };

const HOUR_MS = 3_600_000;
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * HOUR_MS);
const tomorrow = new Date(NOW.getTime() + 24 * HOUR_MS);

const profileOf = (t: World, squadId: string) => ({
  name: t.athleteName,
  squadIds: [squadId],
  eventOrSport: "Marathon",
  birthYear: null,
  sex: "unspecified" as const,
  preInjuryWeeklyKm: null,
  previousHamstringInjury: false,
});

const matrix: Matrix = {
  // Roster and staff: coaches manage, physios read.
  "roster.squads": { who: STAFF, input: () => undefined, stranger: "no-leak" },
  "roster.list": { who: STAFF, input: () => ({ includeArchived: true }), stranger: "no-leak" },
  "roster.get": {
    who: STAFF,
    input: (t) => ({ athleteId: t.athleteId }),
    stranger: "refused",
    note: "the roster profile only: conditions and notes are clinical (episodes.clinicalProfile)",
  },
  "roster.add": {
    who: COACH,
    input: (t) => ({ ...profileOf(t, t.club.squadIds.distance), name: "New Runner", email: `${unique("new")}@matrix.test` }),
    stranger: "bad-request",
    note: "squadIds of another club: BAD_REQUEST 'Choose squads of your club'",
  },
  "roster.update": {
    who: COACH,
    input: (t, self) => ({ ...profileOf(t, self.squadIds.distance), athleteId: t.athleteId }),
    stranger: "refused",
  },
  "roster.move": { who: COACH, input: (t, self) => ({ athleteId: t.athleteId, squadIds: [self.squadIds.distance] }), stranger: "refused" },
  "roster.setArchived": { who: COACH, input: (t) => ({ athleteId: t.athleteId, archived: false }), stranger: "refused" },
  "roster.exportRecord": { who: PHYSIO, input: (t) => ({ athleteId: t.athleteId }), stranger: "refused", note: "and the club owner (athlete-erasure.test.ts)" },
  "roster.erase": {
    who: [],
    input: (t) => ({ athleteId: t.athleteId, confirmName: "Nobody" }),
    stranger: "refused",
    note: "the club owner only, with the athlete's name typed (athlete-erasure.test.ts)",
  },
  "roster.reissueInvite": { who: COACH, input: (t) => ({ athleteId: t.invitedAthleteId }), stranger: "refused" },
  "roster.correctEmail": {
    who: COACH,
    input: (t) => ({ athleteId: t.invitedAthleteId, email: `${unique("corrected")}@matrix.test` }),
    stranger: "refused",
    note: "coaches keep the roster; physios read it. athlete-email.test.ts covers both paths and enumeration",
  },
  "roster.resendEmailChange": {
    who: COACH,
    input: (t) => ({ athleteId: t.athleteId }),
    allowedAnswer: /^NOT_FOUND: No email change/,
    stranger: "refused",
    note: "nothing waits for confirmation in the matrix's club; athlete-email.test.ts resends a real one",
  },
  "roster.cancelEmailChange": {
    who: COACH,
    input: (t) => ({ athleteId: t.athleteId }),
    allowedAnswer: /^NOT_FOUND: No email change/,
    stranger: "refused",
    note: "as resendEmailChange",
  },
  "staff.list": { who: STAFF, input: () => undefined, stranger: "no-leak" },
  "staff.invite": {
    who: COACH,
    input: () => ({ name: "New Physio", email: `${unique("staff")}@matrix.test`, role: "physio" as const }),
    stranger: "no-leak",
  },
  "staff.remove": {
    who: COACH,
    input: () => ({ userId: "00000000-0000-4000-8000-000000000000" }),
    allowedAnswer: /^NOT_FOUND: No such/,
    stranger: "refused",
    note: "nobody's id, so the matrix never removes a real member (NOT_FOUND); session tests cover removal",
  },
  "staff.securityPolicy": { who: STAFF, input: () => undefined, stranger: "no-leak" },
  "staff.setSecurityPolicy": {
    who: [],
    input: () => ({ physioSecondFactorRequired: false }),
    stranger: "refused",
    note: "the club owner only; the matrix's coach is not the owner (second-factor.test.ts covers the owner)",
  },

  "staff.changeRole": {
    who: [],
    input: (t) => ({ userId: t.club.physio.userId, role: "coach" as const }),
    stranger: "refused",
    note: "the club owner only (club-admin.test.ts covers the owner)",
  },
  "staff.reissueInvite": {
    who: COACH,
    input: () => ({ userId: "00000000-0000-4000-8000-000000000000" }),
    allowedAnswer: /^NOT_FOUND: No pending invite/,
    stranger: "refused",
    note: "nobody's id (NOT_FOUND); club-admin.test.ts reissues and revokes real invites",
  },
  "staff.revokeInvite": { who: COACH, input: () => ({ userId: "00000000-0000-4000-8000-000000000000" }), allowedAnswer: /^NOT_FOUND: No pending invite/,
    stranger: "refused", note: "nobody's id (NOT_FOUND)" },

  // Squads: coaches manage them, staff read them.
  "squads.list": { who: STAFF, input: () => undefined, stranger: "no-leak" },
  "squads.mine": { who: COACH, input: () => undefined, stranger: "no-leak" },
  "squads.create": { who: COACH, input: () => ({ name: unique("Squad"), kind: "distance" as const }), stranger: "no-leak", note: "a squad of the caller's own club" },
  "squads.update": { who: COACH, input: (t) => ({ squadId: t.club.squadIds.field, name: "Field", kind: "field" as const }), stranger: "refused" },
  "squads.setArchived": { who: COACH, input: (t) => ({ squadId: t.club.squadIds.field, archived: false }), stranger: "refused" },
  "squads.setCoaches": {
    who: COACH,
    input: (t, self) => ({ squadId: t.club.squadIds.field, coachIds: [self.coach.userId] }),
    stranger: "refused",
    note: "another club's squad with the caller's own coach: NOT_FOUND",
  },

  // Club settings: staff read, the owner writes.
  "club.settings": {
    who: STAFF,
    input: () => undefined,
    stranger: "no-leak",
    coachMaySee: ["visaH"],
    note: "the club's VISA-H reminder interval is a setting (visaHIntervalDays), no athlete's questionnaire",
  },
  "club.update": {
    who: [],
    input: () => ({
      name: "Renamed",
      timeZone: "Europe/London",
      locale: "en-GB",
      weekStartsOn: 1,
      physioSecondFactorRequired: false,
      physioGaitNotes: false,
      visaHIntervalDays: 14,
      painGreenMax: 2,
      painAmberMax: 3,
      weeklyGreenMaxPct: 10,
    }),
    stranger: "refused",
    note: "the club owner only; the matrix's coach is not the owner (club-admin.test.ts covers the owner)",
  },
  "club.export": { who: [], input: () => undefined, stranger: "refused", note: "the club owner only (club-export.test.ts)" },
  "club.transferOwnership": { who: [], input: (t) => ({ userId: t.club.coach.userId }), stranger: "refused", note: "the club owner only" },

  // A new club on an instance: public, refused (CONFLICT) once the instance has a club unless sign-up is open.
  "setup.status": { who: "public", input: () => undefined, stranger: "public" },
  "setup.createClub": {
    who: "public",
    input: () => ({
      clubName: "Matrix Club",
      timeZone: "Europe/London",
      locale: "en-GB",
      ownerName: "Matrix Owner",
      ownerEmail: `${unique("owner")}@matrix.test`,
      password: "a long password",
      confirm: "a long password",
    }),
    allowedAnswer: /^CONFLICT: This Loadline already has a/,
    stranger: "public",
    note: "the instance has clubs and sign-up is closed: CONFLICT, nothing created",
  },
  "emailChange.lookup": { who: "public", input: (t) => ({ token: t.inviteToken }), stranger: "public", note: "an invite token is no email-change token: 'unknown'" },
  "emailChange.confirm": {
    who: "public",
    input: () => ({ token: "not-a-real-email-change-token-0000" }),
    allowedAnswer: /^NOT_FOUND: This link is not valid/,
    stranger: "public",
    note: "an unknown token (NOT_FOUND 'gone')",
  },

  // Instance operators: no club role may call these (operator.test.ts covers operators).
  "operator.clubs": { who: [], input: () => undefined, stranger: "refused", note: "operators only: every club member gets FORBIDDEN" },
  "operator.createClub": {
    who: [],
    input: () => ({ clubName: "Rogue Club", timeZone: "Europe/London", locale: "en-GB", ownerName: "Rogue", ownerEmail: `${unique("rogue")}@matrix.test` }),
    stranger: "refused",
  },
  "operator.removeDemoClub": { who: [], input: () => undefined, stranger: "refused" },

  // Invite links: public, the token is the credential.
  "invite.lookup": { who: "public", input: (t) => ({ token: t.inviteToken }), stranger: "public" },
  "invite.accept": {
    who: "public",
    input: () => ({ token: "not-a-real-invite-token-000000", password: "a long password", confirm: "a long password" }),
    allowedAnswer: /^NOT_FOUND: This invite link is not valid/,
    stranger: "public",
    note: "an unknown token, so the matrix never consumes a real invite (NOT_FOUND 'gone')",
  },

  // Password reset links: issued by staff for their club's members; opened and used by anyone.
  "passwordReset.issue": { who: STAFF, input: (t) => ({ userId: t.club.athlete.userId }), stranger: "refused" },
  "passwordReset.lookup": { who: "public", input: (t) => ({ token: t.inviteToken }), stranger: "public", note: "an invite token is no reset token: 'unknown'" },
  "passwordReset.complete": {
    who: "public",
    input: () => ({ token: "not-a-real-reset-token-0000000", password: "a long password", confirm: "a long password" }),
    allowedAnswer: /^NOT_FOUND: This reset link is not valid/,
    stranger: "public",
    note: "an unknown token (NOT_FOUND 'gone')",
  },
  "account.changePassword": {
    who: SIGNED_IN,
    input: () => ({ currentPassword: "not the password", newPassword: "a new long password", confirm: "a new long password" }),
    allowedAnswer: /^BAD_REQUEST: That is not your current password/,
    stranger: "bad-request",
    note: "a wrong current password, so the matrix never changes one (BAD_REQUEST on currentPassword)",
  },
  "account.changeName": { who: SIGNED_IN, input: () => ({ name: "Matrix Renamed" }), stranger: "no-leak", note: "the caller's own name" },
  "account.requestEmailChange": {
    who: SIGNED_IN,
    input: () => ({ email: `${unique("moved")}@matrix.test`, currentPassword: "not the password" }),
    allowedAnswer: /^BAD_REQUEST: That is not your current password/,
    stranger: "bad-request",
    note: "a wrong current password (BAD_REQUEST); club-admin.test.ts changes an email for real",
  },
  "account.signOutEverywhere": { who: SIGNED_IN, input: () => undefined, stranger: "no-leak", note: "the caller's own sessions" },
  "account.secondFactor": { who: SIGNED_IN, input: () => undefined, stranger: "no-leak" },
  "account.beginSecondFactor": { who: STAFF, input: () => undefined, stranger: "no-leak", note: "a pending secret of the caller's own" },
  "account.confirmSecondFactor": { who: STAFF, input: () => ({ code: "000000" }), allowedAnswer: /^BAD_REQUEST: That code is not right/,
    stranger: "bad-request", note: "a wrong code (BAD_REQUEST)" },
  "account.disableSecondFactor": { who: STAFF, input: () => ({ password: "not the password" }), allowedAnswer: /^BAD_REQUEST: That is not your current password/,
    stranger: "bad-request", note: "a wrong password (BAD_REQUEST)" },

  "me.viewer": { who: SIGNED_IN, input: () => undefined, stranger: "no-leak" },
  "me.profile": { who: ATHLETE, input: () => undefined, stranger: "no-leak" },
  "me.exportMine": { who: ATHLETE, input: () => undefined, stranger: "no-leak", note: "the caller's own record only (club-export.test.ts)" },
  "me.updateProfile": {
    who: ATHLETE,
    input: () => ({ eventOrSport: "Marathon", birthYear: null, sex: "unspecified" as const, preInjuryWeeklyKm: null, previousHamstringInjury: false, conditions: [] }),
    stranger: "no-leak",
    note: "the caller's own profile",
  },

  // Physio: caseload and clinical records.
  "caseload.list": { who: PHYSIO, input: () => undefined, stranger: "no-leak" },
  "episodes.list": { who: PHYSIO, input: (t) => ({ athleteId: t.athleteId }), stranger: "refused" },
  "episodes.clinicalProfile": { who: PHYSIO, input: (t) => ({ athleteId: t.athleteId }), stranger: "refused" },
  "episodes.updateClinicalProfile": {
    who: PHYSIO,
    input: (t) => ({ athleteId: t.athleteId, profile: { conditions: [planted.condition], notes: "", preInjuryWeeklyKm: 40, bmi: 24, usualCadenceSpm: 172 } }),
    stranger: "refused",
  },
  "episodes.clinicians": { who: PHYSIO, input: () => undefined, stranger: "no-leak" },
  "episodes.open": { who: PHYSIO, input: (t, self) => ({ athleteId: t.athleteId, episode: validEpisode(self) }), allowedAnswer: /^CONFLICT: .* already has an open/,
    stranger: "refused" },
  "episodes.update": { who: PHYSIO, input: (t, self) => ({ episodeId: t.episodeId, episode: validEpisode(self) }), stranger: "refused" },
  "episodes.reopen": {
    who: PHYSIO,
    input: (t) => ({ episodeId: t.episodeId, reason: "Recurrence" }),
    allowedAnswer: /^CONFLICT: This episode is already open/,
    stranger: "refused",
    note: "CONFLICT while the subject's episode is open; plan-writers.test.ts covers reopening",
  },
  "episodes.addTest": {
    who: PHYSIO,
    input: (t) => ({ episodeId: t.episodeId, test: { test: "arabesque", side: "left", familiarPainReproduced: false, pain: 1 } }),
    stranger: "refused",
  },
  "episodes.removeTest": { who: PHYSIO, input: (t) => ({ testId: t.testId }), stranger: "refused" },
  "plans.current": {
    who: PHYSIO_OR_ATHLETE,
    input: (t) => ({ athleteId: t.athleteId }),
    stranger: "refused",
    note: "an athlete naming someone else gets FORBIDDEN; a physio of another club NOT_FOUND",
  },
  "plans.history": { who: PHYSIO, input: (t) => ({ athleteId: t.athleteId }), stranger: "refused" },
  "plans.diff": { who: PHYSIO, input: (t) => ({ athleteId: t.athleteId, from: 1, to: 1 }), stranger: "refused" },
  "plans.save": { who: PHYSIO, input: (t) => ({ athleteId: t.athleteId, baseVersion: 1, phase: 1, body: phase1Body() }), stranger: "refused" },
  "plans.changePhase": {
    who: PHYSIO,
    // Version 2 is the one plans.save (the row above) writes when the allowed roles are tried.
    input: (t) => ({ athleteId: t.athleteId, baseVersion: 2, toPhase: 2, overrideReason: "Matrix check" }),
    allowedAnswer: /^BAD_REQUEST: A red flag is still open/,
    stranger: "refused",
  },
  "plans.discharge": {
    who: PHYSIO,
    input: (t) => ({ athleteId: t.athleteId, baseVersion: 999, overrideReason: "Matrix check" }),
    allowedAnswer: /^CONFLICT: This plan changed while you/,
    stranger: "refused",
    note: "a version nobody wrote, so the matrix never closes an episode (CONFLICT); plan-writers.test.ts covers discharge",
  },
  "exercises.list": { who: PHYSIO, input: () => undefined, stranger: "no-leak" },
  "exercises.create": {
    who: PHYSIO,
    input: () => ({ name: unique("Drill"), category: "glute_core" as const, phases: [1 as const], hipFlexionDemand: "low" as const }),
    stranger: "no-leak",
  },
  "exercises.edit": {
    who: PHYSIO,
    input: (t) => ({ exerciseId: t.exerciseId, baseVersion: 999, name: unique("Drill"), category: "glute_core" as const, phases: [1 as const], hipFlexionDemand: "low" as const }),
    allowedAnswer: /^CONFLICT: Someone changed this exercise/,
    stranger: "refused",
    note: "a version nobody wrote, so the matrix changes nothing (CONFLICT); exercise-library.test.ts covers edits",
  },
  "exercises.retire": {
    who: PHYSIO,
    input: (t) => ({ exerciseId: t.exerciseId, baseVersion: 999 }),
    allowedAnswer: /^CONFLICT: Someone changed this exercise/,
    stranger: "refused",
    note: "a version nobody wrote (CONFLICT); exercise-library.test.ts covers retiring",
  },
  "exercises.restore": {
    who: PHYSIO,
    input: (t) => ({ exerciseId: t.exerciseId, baseVersion: 999 }),
    allowedAnswer: /^CONFLICT: Someone changed this exercise/,
    stranger: "refused",
    note: "a version nobody wrote (CONFLICT); exercise-library.test.ts covers restoring",
  },
  "exercises.setMedia": {
    who: PHYSIO,
    input: (t) => ({ exerciseId: t.exerciseId, baseVersion: 999, howTo: "Slow", videoUrl: "https://vimeo.com/1" }),
    allowedAnswer: /^CONFLICT: Someone changed this exercise/,
    stranger: "refused",
    note: "a version nobody wrote (CONFLICT); exercise-library.test.ts covers media",
  },
  "exercises.history": { who: PHYSIO, input: (t) => ({ exerciseId: t.exerciseId }), stranger: "refused" },
  "exercises.image": {
    who: SIGNED_IN,
    input: (t) => ({ exerciseId: t.exerciseId, version: t.exerciseVersion }),
    stranger: "no-leak",
    note: "club-wide instruction: a team-mate gets it (OK); another club gets NOT_FOUND (exercise-library.test.ts)",
  },
  "adjuncts.list": { who: PHYSIO, input: (t) => ({ athleteId: t.athleteId }), stranger: "refused" },
  "adjuncts.record": { who: PHYSIO, input: (t) => ({ athleteId: t.athleteId, at: hoursAgo(5), kind: "shockwave" as const }), stranger: "refused" },
  "adjuncts.enterRestrictions": { who: PHYSIO, input: (t) => ({ adjunctId: t.adjunctId, restrictions: "No sprints for 2 weeks" }), stranger: "refused" },
  "adjuncts.update": {
    who: PHYSIO,
    input: (t) => ({ adjunctId: t.adjunctId, changes: { at: hoursAgo(24), kind: "prp" as const, side: "right" as const, parameters: "3 ml", provider: "Clinic" } }),
    stranger: "refused",
  },
  "adjuncts.delete": { who: PHYSIO, input: (t) => ({ adjunctId: t.deletableAdjunctId, reason: "Recorded on the wrong athlete" }), stranger: "refused" },
  "athleteRecords.get": { who: PHYSIO, input: (t) => ({ athleteId: t.athleteId, days: 60 }), stranger: "refused" },
  "athleteRecords.correctLog": {
    who: PHYSIO,
    input: (t) => ({ athleteId: t.athleteId, logId: "00000000-0000-4000-8000-000000000000", correction: { painDuring: 2, reason: "Mistyped" } }),
    allowedAnswer: /^NOT_FOUND: This log does not exist/,
    stranger: "refused",
    note: "nobody's log, so the matrix changes nothing (NOT_FOUND); athlete-records.test.ts covers corrections",
  },
  "athleteRecords.correctCheckIn": {
    who: PHYSIO,
    input: (t) => ({ athleteId: t.athleteId, checkInId: "00000000-0000-4000-8000-000000000000", correction: { morningPain: 2, reason: "Mistyped" } }),
    allowedAnswer: /^NOT_FOUND: This check-in does not exist/,
    stranger: "refused",
    note: "nobody's check-in, so the matrix changes nothing (NOT_FOUND); athlete-records.test.ts covers corrections",
  },
  "capacityTests.list": { who: PHYSIO, input: (t) => ({ athleteId: t.athleteId }), stranger: "refused" },
  "capacityTests.record": {
    who: PHYSIO,
    input: (t) => ({ athleteId: t.athleteId, at: hoursAgo(3), kind: "single_leg_bridge_reps" as const, affectedSide: "right" as const, left: 28, right: 26 }),
    stranger: "refused",
  },
  "escalations.list": {
    who: PHYSIO,
    input: (t) => ({ includeResolved: true, athleteId: t.athleteId }),
    stranger: "no-leak",
    note: "athleteId is a filter inside the caller's organisation: another club's id gives an empty list",
  },
  "escalations.summary": { who: STAFF, input: () => undefined, stranger: "no-leak" },
  "escalations.acknowledge": { who: PHYSIO, input: (t) => ({ alertId: t.escalationId, note: "Seen" }), stranger: "refused" },
  "escalations.resolve": { who: PHYSIO, input: (t) => ({ alertId: t.escalationId, note: "Reviewed in clinic" }), stranger: "refused" },
  "audit.list": { who: PHYSIO, input: (t) => ({ athleteId: t.athleteId }), stranger: "refused" },
  // Last of the physio's writes: closing the episode ends the plan, so later plan writes would be refused.
  "episodes.close": { who: PHYSIO, input: (t) => ({ episodeId: t.episodeId, closingNote: "Discharged" }), stranger: "refused" },

  // Coach: board, planner, alerts, gait.
  "board.rows": {
    who: COACH,
    input: (t) => ({ squadIds: [t.club.squadIds.distance] }),
    stranger: "no-leak",
    note: "squadIds filter the caller's organisation: another club's squads give no rows",
  },
  "board.athlete": { who: COACH, input: (t) => ({ athleteId: t.athleteId }), stranger: "refused" },
  "planner.week": {
    who: COACH,
    input: (t) => ({ squadId: t.club.squadIds.distance }),
    stranger: "bad-request",
    note: "another club's squad: BAD_REQUEST 'Choose a squad of your club'",
  },
  "planner.create": {
    who: COACH,
    input: (t) => ({ squadId: t.club.squadIds.distance, at: tomorrow, kind: "easy_run" as const }),
    stranger: "bad-request",
    note: "another club's squad: BAD_REQUEST 'Choose a squad of your club'",
  },
  "planner.update": {
    who: COACH,
    input: (t, self) => ({ id: t.squadSessionId, squadId: self.squadIds.distance, at: tomorrow, kind: "easy_run" as const }),
    stranger: "refused",
  },
  "planner.remove": { who: COACH, input: (t) => ({ id: t.squadSessionId }), stranger: "refused" },
  "alerts.list": {
    who: COACH,
    input: (t) => ({ status: "all" as const, squadId: t.club.squadIds.distance }),
    stranger: "no-leak",
    note: "squadId filters the caller's organisation",
  },
  "alerts.counts": { who: COACH, input: () => undefined, stranger: "no-leak" },
  "alerts.acknowledge": { who: COACH, input: (t) => ({ alertId: t.alertId, note: "Spoke to the athlete" }), stranger: "refused" },
  "alerts.resolve": { who: COACH, input: (t) => ({ alertId: t.resolvableAlertId, note: "Moved the session to the bike" }), stranger: "refused" },
  "alerts.acknowledgeMany": {
    who: COACH,
    input: (t) => ({ note: "Spoke to the athlete about all of these", athleteId: t.athleteId }),
    stranger: "no-leak",
    note: "another club's athlete id matches none of the caller's alerts: nothing is acknowledged",
  },
  "gait.create": {
    who: COACH,
    input: (t) => ({
      athleteId: t.athleteId,
      surface: "treadmill" as const,
      speedKmh: null,
      cadenceSpm: null,
      faults: [{ code: "OVERSTRIDE" as const, severity: 1 as const }],
      cues: ["Quick feet"],
    }),
    stranger: "refused",
    note: "physios too when the owner turns on physioGaitNotes (off in the matrix's clubs; gait-physio.test.ts covers it on)",
  },
  "gait.correct": {
    who: COACH,
    input: (t) => ({
      assessmentId: t.gaitAssessmentId,
      surface: "overground" as const,
      speedKmh: 12,
      cadenceSpm: 164,
      faults: [{ code: "OVERSTRIDE" as const, severity: 2 as const, side: "both" as const }],
      cues: ["Shorter, quicker, lighter steps"],
      notes: "Coach gait note",
    }),
    stranger: "refused",
  },
  "gait.remove": {
    who: COACH,
    input: () => ({ assessmentId: "00000000-0000-4000-8000-000000000000" }),
    allowedAnswer: /^NOT_FOUND: This gait assessment does not exist/,
    stranger: "refused",
    note: "nobody's assessment, so the matrix deletes nothing (NOT_FOUND); gait-corrections.test.ts covers deleting",
  },
  "gait.squadFaults": { who: COACH, input: (t) => ({ squadId: t.club.squadIds.distance }), stranger: "no-leak" },

  // Athlete: own logs, check-ins, questionnaires, Today and Progress. Ids come from the session.
  "athleteLogs.logSession": {
    who: ATHLETE,
    input: (t) => ({ idempotencyKey: t.logKey, at: hoursAgo(1), type: "strength" as const, minutes: 20, rpe: 4, painDuring: 1 }),
    stranger: "no-leak",
    note: "reuses the subject's idempotency key: another athlete must get a new log of their own, never the subject's",
  },
  "athleteLogs.logRun": {
    who: ATHLETE,
    input: (t) => ({ idempotencyKey: t.runKey, at: hoursAgo(26), distanceKm: 6, minutes: 36, painDuring: 0 }),
    stranger: "no-leak",
    note: "reuses the subject's idempotency key",
  },
  "athleteLogs.updateSession": {
    who: ATHLETE,
    input: (t) => ({ id: t.logId, at: hoursAgo(3), type: "strength" as const, minutes: 30, rpe: 5, painDuring: 2 }),
    stranger: "refused",
  },
  "athleteLogs.updateRun": { who: ATHLETE, input: (t) => ({ id: t.runId, at: hoursAgo(26), distanceKm: 6, painDuring: 1 }), stranger: "refused" },
  "athleteLogs.delete": { who: ATHLETE, input: (t) => ({ id: t.logId }), stranger: "refused" },
  "athleteLogs.list": { who: ATHLETE, input: () => ({ days: 30 }), stranger: "no-leak" },
  "athleteLogs.get": { who: ATHLETE, input: (t) => ({ id: t.logId }), stranger: "refused" },
  "athleteLogs.history": {
    who: ATHLETE,
    input: (t) => ({ kind: "session" as const, id: t.logId }),
    stranger: "no-leak",
    note: "someone else's log id gives an empty history",
  },
  "checkIns.create": {
    who: ATHLETE,
    input: (t) => ({ idempotencyKey: t.checkInKey, at: hoursAgo(2), morningPain: 2 }),
    stranger: "no-leak",
    note: "reuses the subject's idempotency key",
  },
  "checkIns.update": { who: ATHLETE, input: (t) => ({ id: t.checkInId, at: hoursAgo(2), morningPain: 2 }), stranger: "refused" },
  "checkIns.delete": { who: ATHLETE, input: (t) => ({ id: t.checkInId }), stranger: "refused" },
  "checkIns.list": { who: ATHLETE, input: () => ({ days: 30 }), stranger: "no-leak" },
  "checkIns.get": { who: ATHLETE, input: (t) => ({ id: t.checkInId }), stranger: "refused" },
  "visaH.submit": {
    who: PHYSIO_OR_ATHLETE,
    input: (t) => ({ idempotencyKey: t.visaHKey, athleteId: t.athleteId, at: hoursAgo(1), items: [6, 6, 7, 5, 6, 5, 4, 15] }),
    stranger: "refused",
    note: "an athlete naming someone else gets FORBIDDEN; a physio of another club NOT_FOUND",
  },
  "visaH.mine": { who: ATHLETE, input: () => undefined, stranger: "no-leak" },
  "visaH.update": {
    who: ATHLETE,
    input: () => ({ id: "00000000-0000-4000-8000-000000000000", at: hoursAgo(1), items: [6, 6, 7, 5, 6, 5, 4, 15] }),
    allowedAnswer: /^NOT_FOUND: This questionnaire does not exist/,
    stranger: "refused",
    note: "nobody's questionnaire (NOT_FOUND): the athlete id comes from the session, so no one can name another's; athlete-records.test.ts covers edits",
  },
  "visaH.withdraw": {
    who: ATHLETE,
    input: () => ({ id: "00000000-0000-4000-8000-000000000000" }),
    allowedAnswer: /^NOT_FOUND: This questionnaire does not exist/,
    stranger: "refused",
    note: "nobody's questionnaire (NOT_FOUND); athlete-records.test.ts covers withdrawal",
  },
  "today.get": { who: ATHLETE, input: () => undefined, stranger: "no-leak" },
  "progress.get": { who: ATHLETE, input: () => ({ weeks: 8 }), stranger: "no-leak" },
  "progress.painBands": { who: ATHLETE, input: () => undefined, stranger: "no-leak" },

  // Club workflows.
  "reports.handover": {
    who: STAFF,
    input: (t) => ({ athleteId: t.athleteId }),
    stranger: "refused",
    note: "a coach gets the coach-safe version (searched for clinical secrets like every coach answer)",
  },
  "roster.importPreview": { who: COACH, input: () => ({ csv: `Name,Email,Squads,Event or sport\nNew Person,${unique("preview")}@matrix.test,Distance,Marathon` }), stranger: "no-leak" },
  "roster.import": { who: COACH, input: () => ({ csv: `Name,Email,Squads,Event or sport\nImported Person,${unique("import")}@matrix.test,Distance,Marathon` }), stranger: "no-leak" },
  "exports.roster": { who: COACH, input: () => undefined, stranger: "no-leak" },
  "exports.board": { who: COACH, input: () => ({}), stranger: "no-leak" },
  "exports.squadLoad": { who: COACH, input: () => ({ weeks: 4 }), stranger: "no-leak" },
  "exports.athleteRecord": { who: PHYSIO, input: (t) => ({ athleteId: t.athleteId }), stranger: "refused" },
  "exports.myLogs": { who: ATHLETE, input: () => ({ kind: "sessions" }), stranger: "no-leak" },
  "notes.thread": {
    who: SIGNED_IN,
    input: (t) => ({ athleteId: t.athleteId }),
    stranger: "refused",
    note: "coaches get staff and shared notes only (the clinical one is searched for), athletes their own shared ones",
  },
  "notes.add": { who: STAFF, input: (t) => ({ athleteId: t.athleteId, visibility: "staff", body: "Checked in with the athlete" }), stranger: "refused" },
  "notifications.list": { who: SIGNED_IN, input: () => undefined, stranger: "no-leak" },
  "notifications.markRead": { who: SIGNED_IN, input: () => ({}), stranger: "no-leak" },
  "calendar.subscriptions": { who: ["coach", "athlete"], input: () => undefined, stranger: "no-leak" },
  "calendar.subscribe": {
    who: ["coach", "athlete"],
    input: (t) => ({ squadId: t.club.squadIds.distance }),
    allowedAnswer: /^(OK$|BAD_REQUEST: Your calendar holds)/,
    stranger: "bad-request",
    note: "a coach naming another club's squad: BAD_REQUEST 'Choose a squad of your club'; an athlete's feed is always their own",
  },
  "calendar.revoke": { who: ["coach", "athlete"], input: (t) => ({ id: t.calendarSubscriptionId }), allowedAnswer: /^(OK$|NOT_FOUND: No such calendar subscription)/,
    stranger: "refused" },
  // Web Push: everyone manages their own browsers; another's endpoint is not found.
  "push.status": { who: SIGNED_IN, input: () => undefined, stranger: "no-leak" },
  "push.subscribe": {
    who: SIGNED_IN,
    input: () => ({ endpoint: `https://push.matrix.test/${unique("mine")}`, keys: { p256dh: "BPushKeyOfTheCaller", auth: "authOfTheCaller" } }),
    stranger: "no-leak",
  },
  "push.unsubscribe": {
    who: SIGNED_IN,
    input: (t) => ({ endpoint: t.pushEndpoint }),
    allowedAnswer: /^(OK$|NOT_FOUND: This browser has no push subscription)/,
    stranger: "refused",
  },
};

// ---------------------------------------------------------------------------------------------
// The router, walked.

type ProcedureRecord = Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>;
/** Every procedure path of `appRouter` (tRPC v11 keeps them flattened in `_def.procedures`). */
const routerProcedures = appRouter._def.procedures as unknown as ProcedureRecord;
const allPaths = Object.keys(routerProcedures).sort();
const ruleOf = (path: string): Rule<ProcedurePath> | undefined =>
  (matrix as unknown as Record<string, Rule<ProcedurePath> | undefined>)[path];
const kindOf = (path: string) => routerProcedures[path]!._def.type;
const protectedPaths = allPaths.filter((p) => ruleOf(p)?.who !== "public");
const allowedRoles = (path: string): readonly Role[] => {
  const who = ruleOf(path)?.who;
  return who === "public" ? ROLES : (who ?? []);
};
/** The table's rows in the order written (writes before the deletes that follow them). */
const tableRows = Object.keys(matrix).flatMap((path) => {
  const rule = ruleOf(path);
  return rule && allPaths.includes(path) ? [{ path, rule }] : [];
});
/** Queries first, so the privacy checks read the world before any write changes it. */
const queriesFirst = <T extends { path: string }>(rows: T[]) =>
  [...rows].sort((a, b) => Number(kindOf(a.path) !== "query") - Number(kindOf(b.path) !== "query"));

// ---------------------------------------------------------------------------------------------
// The world: organisation A (the subject's club), B (strangers), C (a sandbox for allowed calls).

let handle: DatabaseHandle;
let a: World;
let b: World;
let c: World;
let teammate: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  a = await buildWorld(handle, "Alpha Harriers");
  b = await buildWorld(handle, "Bravo Striders");
  // Fresh idempotency keys: organisation C's own logging calls must really save (OK), not
  // collide with the records its world was built with.
  const sandbox = await buildWorld(handle, "Charlie Sandbox");
  c = { ...sandbox, logKey: `${sandbox.logKey}-own`, runKey: `${sandbox.runKey}-own`, checkInKey: `${sandbox.checkInKey}-own`, visaHKey: `${sandbox.visaHKey}-own` };
  teammate = await addAthlete(handle, a.club, "Team Mate");
}, 120_000);
afterAll(() => handle.close());

function call(actor: Actor | null, path: string, target: World, self: Club): Promise<Outcome> {
  const rule = ruleOf(path);
  const input = rule ? rule.input(target, self) : undefined;
  return outcomeOf(procedureAt(callerFor(handle, actor, NOW, testPushSender), path)(input));
}

const describeOutcome = (o: Outcome) => (o.code === "OK" ? "OK" : `${o.code}: ${o.message}`);

// ---------------------------------------------------------------------------------------------

describe("the matrix covers every procedure of appRouter", () => {
  it("finds the procedures by walking the router", () => {
    expect(allPaths.length).toBeGreaterThanOrEqual(60);
    expect(allPaths).toContain("roster.list");
  });

  it("has exactly one row per procedure (a new procedure needs a row here)", () => {
    expect(allPaths.filter((p) => !ruleOf(p))).toEqual([]);
    expect(Object.keys(matrix).filter((p) => !allPaths.includes(p))).toEqual([]);
  });

  it("allows exactly the link procedures and the club set-up without sign-in", () => {
    expect(allPaths.filter((p) => ruleOf(p)?.who === "public")).toEqual([
      "emailChange.confirm",
      "emailChange.lookup",
      "invite.accept",
      "invite.lookup",
      "passwordReset.complete",
      "passwordReset.lookup",
      "setup.createClub",
      "setup.status",
    ]);
  });
});

describe("anonymous callers", () => {
  // Every enumerated procedure, with or without a row: an unprotected newcomer fails here too.
  for (const path of protectedPaths) {
    it(`${path}: UNAUTHORIZED`, async () => {
      expect(describeOutcome(await call(null, path, a, a.club))).toMatch(/^UNAUTHORIZED/);
    });
  }
  for (const path of allPaths.filter((p) => ruleOf(p)?.who === "public")) {
    it(`${path}: public, answers without sign-in`, async () => {
      expect((await call(null, path, a, a.club)).code).not.toMatch(/UNAUTHORIZED|FORBIDDEN/);
    });
  }
});

describe("roles outside the table get FORBIDDEN", () => {
  for (const { path, rule } of tableRows) {
    if (rule.who === "public") continue;
    const refused = ROLES.filter((role) => !allowedRoles(path).includes(role));
    for (const role of refused) {
      it(`${path}: ${role} → FORBIDDEN`, async () => {
        expect(describeOutcome(await call(actorOf(a.club, role), path, a, a.club))).toMatch(/^FORBIDDEN/);
      });
    }
  }
});

describe("members of another organisation never reach organisation A's records", () => {
  for (const { path, rule } of tableRows) {
    if (rule.stranger === "public") continue;
    for (const role of allowedRoles(path)) {
      it(`${path}: ${role} of B with A's ids → ${rule.stranger}`, async () => {
        const outcome = await call(actorOf(b.club, role), path, a, b.club);
        expect(leaked(serialise(outcome), a.organisationTokens)).toEqual([]);
        if (rule.stranger === "refused") expect(describeOutcome(outcome)).toMatch(/^(NOT_FOUND|FORBIDDEN)/);
        if (rule.stranger === "bad-request") expect(describeOutcome(outcome)).toMatch(/^BAD_REQUEST/);
        if (rule.stranger === "no-leak") expect(describeOutcome(outcome)).toMatch(/^(OK|NOT_FOUND|FORBIDDEN)/);
      });
    }
  }
});

describe("an athlete never gets a team-mate's records", () => {
  for (const { path, rule } of tableRows) {
    if (!allowedRoles(path).includes("athlete") || rule.who === "public") continue;
    it(`${path}: team-mate with the subject's ids → ${rule.stranger}`, async () => {
      const outcome = await call(teammate, path, a, a.club);
      expect(leaked(serialise(outcome), a.subjectTokens)).toEqual([]);
      if (rule.stranger === "refused") expect(describeOutcome(outcome)).toMatch(/^(NOT_FOUND|FORBIDDEN)/);
      if (rule.stranger === "no-leak") expect(describeOutcome(outcome)).toMatch(/^OK/);
    });
  }

  it("the subject's records are untouched by the team-mate's calls", async () => {
    const own = callerFor(handle, a.club.athlete);
    expect((await own.athleteLogs.get({ id: a.logId })).notes).toContain(planted.sessionNote);
    expect((await own.checkIns.get({ id: a.checkInId })).redFlags).toEqual(expect.arrayContaining(["night_pain_waking", "daily_painkillers"]));
  });
});

describe("coach privacy: no answer a coach can get holds clinical detail", () => {
  it("the planted secrets are really there (physio and athlete views show them)", async () => {
    const physio = callerFor(handle, a.club.physio);
    const athlete = callerFor(handle, a.club.athlete);
    const views = [
      await physio.episodes.list({ athleteId: a.athleteId }),
      await physio.adjuncts.list({ athleteId: a.athleteId }),
      await physio.plans.current({ athleteId: a.athleteId }),
      await physio.escalations.list({ athleteId: a.athleteId }),
      await athlete.athleteLogs.list({ days: 30 }),
      // The relevant condition is part of the clinical profile, which only the physio reads.
      await physio.episodes.clinicalProfile({ athleteId: a.athleteId }),
      // The clinical note, which only physios read.
      await physio.notes.thread({ athleteId: a.athleteId }),
    ];
    const clinical = serialise({ code: "OK", data: views });
    expect(leaked(clinical, plantedInRecords())).toEqual(plantedInRecords());
    expect(leaked(clinical, ["night_pain", "puranen", "prp", "evidence"])).toEqual(["night_pain", "puranen", "prp", "evidence"]);
  });

  it("the coach sees 'medical review needed' for the red flag, and the adjunct only as a hold", async () => {
    const coach = callerFor(handle, a.club.coach);
    const row = (await coach.board.rows()).find((r) => r.athlete.id === a.athleteId);
    expect(row?.assessment?.medicalReviewNeeded).toBe(true);
    expect(row?.assessment?.flags.find((f) => f.ruleId === "R20")?.message).toBe(MEDICAL_REVIEW_MESSAGE);
    expect(row?.assessment?.flags.some((f) => f.ruleId === "R22")).toBe(true);
    const summary = await coach.escalations.summary();
    expect(summary.find((s) => s.athleteId === a.athleteId)?.message).toBe("Medical review needed");
    const week = await coach.planner.week({ squadId: a.club.squadIds.distance });
    const verdict = week.verdicts.find((v) => v.athleteId === a.athleteId);
    expect(verdict?.result.reasons.find((r) => r.ruleId === "R20")?.message).toBe(MEDICAL_REVIEW_MESSAGE);
  });

  const coachRows = queriesFirst(tableRows.filter(({ path, rule }) => rule.who !== "public" && allowedRoles(path).includes("coach")));
  for (const { path, rule } of coachRows) {
    it(`${path}: the coach's answer holds no clinical detail`, async () => {
      const outcome = await call(a.club.coach, path, a, a.club);
      expect(outcome.code).not.toMatch(/UNAUTHORIZED|FORBIDDEN/);
      const secrets = coachSecrets.filter((s) => !(rule.coachMaySee ?? []).includes(s));
      expect(leaked(serialise(outcome), secrets)).toEqual([]);
    });
  }

  // A physio's note on an escalation is clinical (it answers the red flag): coaches see that the
  // escalation was acknowledged, never the note.
  it("a physio's escalation note never reaches a coach (alerts.list, escalations.summary, board)", async () => {
    await callerFor(handle, a.club.physio).escalations.acknowledge({ alertId: a.escalationId, note: planted.escalationNote });
    const coach = callerFor(handle, a.club.coach);
    const answers = {
      "alerts.list": await coach.alerts.list({ status: "all" }),
      "escalations.summary": await coach.escalations.summary(),
      "board.athlete": await coach.board.athlete({ athleteId: a.athleteId }),
      "board.rows": await coach.board.rows(),
    };
    const leaking = Object.entries(answers)
      .filter(([, data]) => leaked(serialise({ code: "OK", data }), [planted.escalationNote]).length > 0)
      .map(([path]) => path);
    expect(leaking).toEqual([]);
  });
});

describe("the roles in the table really may call (organisation C, own records)", () => {
  for (const { path } of queriesFirst(tableRows)) {
    for (const role of allowedRoles(path)) {
      it(`${path}: ${role} passes the role check`, async () => {
        const outcome = await call(actorOf(c.club, role), path, c, c.club);
        expect(describeOutcome(outcome)).toMatch(ruleOf(path)?.allowedAnswer ?? /^OK$/);
      });
    }
  }
});
