import type { Actor, Role } from "./roles";

/**
 * Everything a signed-in user can try to do. One list so the API, the pages and the tests
 * share a vocabulary, and adding an action forces a decision in `rules` below.
 */
export const actions = [
  "roster.read",
  "roster.write",
  "invite.create",
  "athlete.readOwn",
  "athlete.readProfile",
  "caseload.read",
  // Physio workflows: clinical records are physio-only; athletes read their own plan.
  "episode.read",
  "episode.write",
  "plan.read",
  "plan.write",
  "exercise.read",
  "exercise.write",
  "exerciseMedia.read",
  "adjunct.write",
  "capacityTest.read",
  "capacityTest.write",
  "escalation.manage",
  "escalation.readSummary",
  "audit.read",
  "athleteLog.readOwn",
  "athleteLog.writeOwn",
  "visaH.write",
  // Coach features (squad board, planner, alerts, gait): coach-safe views only.
  "board.read",
  "squadPlan.write",
  "alerts.read",
  "alerts.acknowledge",
  "alerts.resolve",
  "gait.write",
  // Security: removing staff ends their sessions; reset links for club members.
  "staff.remove",
  "passwordReset.issue",
  "securityPolicy.write",
  // Running the club: squads (coaches), staff roles, settings and ownership (the owner).
  "squad.manage",
  "staff.manage",
  "club.read",
  "club.write",
  "athlete.writeOwn",
  // Club workflows: handover report (coach-safe for coaches), exports, calendar feeds, notes.
  "report.handover",
  "export.staff",
  "export.clinical",
  "athleteNote.read",
  "athleteNote.write",
  "calendar.subscribe",
  // Web Push to one's own browsers (every role, for their own subscriptions only).
  "push.manage",
  // A club's data is its own: an athlete's record exported for them, or erased at their request.
  "athlete.exportRecord",
  "athlete.erase",
] as const;
export type Action = (typeof actions)[number];

/** What the action is aimed at. Absent for organisation-wide actions (e.g. listing the roster). */
export interface Subject {
  organisationId: string;
  /** Set when the subject is one athlete. */
  athleteId?: string;
  /** The club's settings an action depends on, read by the procedure that asks. */
  club?: { physioGaitNotes: boolean };
}

type Rule = (actor: Actor, subject: Subject | undefined) => boolean;

const anyOf =
  (...allowed: Role[]): Rule =>
  (actor) =>
    allowed.includes(actor.role);

const staffOrSelf: Rule = (actor, subject) =>
  actor.role === "coach" ||
  actor.role === "physio" ||
  (actor.role === "athlete" && subject?.athleteId !== undefined && actor.athleteId === subject.athleteId);

/** Physios, or an athlete about themselves (without a subject: the procedure checks the athlete later). */
const physioOrSelf: Rule = (actor, subject) =>
  actor.role === "physio" || (actor.role === "athlete" && (subject?.athleteId === undefined || actor.athleteId === subject.athleteId));

const rules: Record<Action, Rule> = {
  // The squad board, planner and coach alerts inbox are the coach's tools (clinical-model.md, "Who sees what").
  "board.read": anyOf("coach"),
  "squadPlan.write": anyOf("coach"),
  "alerts.read": anyOf("coach"),
  "alerts.acknowledge": anyOf("coach"),
  // Non-clinical alerts only (`coachMayResolve`); clinical ones are resolved by the physio.
  "alerts.resolve": anyOf("coach"),
  // Physios too when the owner allows it; without a subject the procedure asks again with the club's setting.
  "gait.write": (actor, subject) =>
    actor.role === "coach" || (actor.role === "physio" && (subject === undefined || subject.club?.physioGaitNotes === true)),
  // Coaches own the roster (clinical-model.md, "Who sees what"); physios may read it to find their athletes.
  "roster.read": anyOf("coach", "physio"),
  "roster.write": anyOf("coach"),
  // Coaches bring people in; physio invites are not in the domain model.
  "invite.create": anyOf("coach"),
  "athlete.readOwn": anyOf("athlete"),
  "athlete.readProfile": staffOrSelf,
  "caseload.read": anyOf("physio"),
  // Clinical detail (clinical-model.md, "Who sees what"): physios only; athletes read their own plan; coaches see summaries.
  "episode.read": anyOf("physio"),
  "episode.write": anyOf("physio"),
  "plan.read": physioOrSelf,
  "plan.write": anyOf("physio"),
  "exercise.read": anyOf("physio"),
  "exercise.write": anyOf("physio"),
  // A library exercise's image is instruction, not a record: any member of the club may see it
  // (the athlete on Today); it never leaves the club.
  "exerciseMedia.read": anyOf("coach", "physio", "athlete"),
  "adjunct.write": anyOf("physio"),
  // Capacity tests are done in the clinic (E2.2, E2.3): the physio records and reads them.
  "capacityTest.read": anyOf("physio"),
  "capacityTest.write": anyOf("physio"),
  "escalation.manage": anyOf("physio"),
  // "Medical review needed" without clinical detail, for the coach board.
  "escalation.readSummary": anyOf("coach", "physio"),
  "audit.read": anyOf("physio"),
  // The athlete's own logs, check-ins, Today and Progress: only the athlete (privacy).
  "athleteLog.readOwn": anyOf("athlete"),
  "athleteLog.writeOwn": anyOf("athlete"),
  // VISA-H is completed by the athlete or, with them, by the physio (clinical-model.md, "VISA-H").
  // Coaches keep the staff list; the owner cannot be removed (the query refuses).
  "staff.remove": anyOf("coach"),
  // A reset link lets whoever holds it set the password, so who may issue one for whom is
  // narrower than "any staff": see `canIssuePasswordReset`.
  "passwordReset.issue": anyOf("coach", "physio"),
  // The club's security settings (second factor for physios): the owner only.
  "securityPolicy.write": (actor) => actor.role === "coach" && actor.isOwner === true,
  "squad.manage": anyOf("coach"),
  "athlete.writeOwn": anyOf("athlete"),
  "staff.manage": (actor) => actor.role === "coach" && actor.isOwner === true,
  "club.read": anyOf("coach", "physio"),
  "club.write": (actor) => actor.role === "coach" && actor.isOwner === true,
  // The handover PDF: physios get the clinical record, coaches the coach-safe version.
  "report.handover": anyOf("coach", "physio"),
  // Roster, board and squad load exports are coach tools; an athlete's full record is clinical.
  "export.staff": anyOf("coach"),
  "export.clinical": anyOf("physio"),
  // Notes on an athlete: staff write and read (clinical ones physio-only, decided per note);
  // an athlete reads the notes shared with them and may not write.
  "athleteNote.read": (actor, subject) =>
    actor.role === "coach" || actor.role === "physio" || (actor.role === "athlete" && (subject?.athleteId === undefined || actor.athleteId === subject.athleteId)),
  "athleteNote.write": anyOf("coach", "physio"),
  // A private calendar feed: an athlete of their own days, a coach of a squad.
  "calendar.subscribe": anyOf("coach", "athlete"),
  // Everyone may turn push on or off for their own browsers; the rows are keyed by their user.
  "push.manage": anyOf("coach", "physio", "athlete"),
  // The athlete's whole record (clinical included) for them: their physio, or the owner who
  // answers for the club's data (the whole-club export holds the same rows).
  "athlete.exportRecord": (actor) => actor.role === "physio" || (actor.role === "coach" && actor.isOwner === true),
  // Erasure cannot be undone and is the club's decision as data controller: the owner only.
  "athlete.erase": (actor) => actor.role === "coach" && actor.isOwner === true,
  "visaH.write": (actor, subject) =>
    actor.role === "physio" || (actor.role === "athlete" && (subject?.athleteId === undefined || subject.athleteId === actor.athleteId)),
};

/**
 * The one authorization question: may this actor do this action to this subject?
 * A subject from another organisation is always refused, whatever the role.
 */
export function can(actor: Actor, action: Action, subject?: Subject): boolean {
  if (subject && subject.organisationId !== actor.organisationId) return false;
  return rules[action](actor, subject);
}

/** The page each role lands on after sign-in. */
export function homePathFor(role: Role): string {
  switch (role) {
    case "coach":
      return "/coach/board";
    case "physio":
      return "/physio/caseload";
    case "athlete":
      return "/me";
  }
}

/** Which role may open pages under a top-level section of the app. */
export function roleForSection(section: string): Role | null {
  if (section === "coach") return "coach";
  if (section === "physio") return "physio";
  if (section === "me") return "athlete";
  return null;
}

/**
 * May this staff member issue a password-reset link for that member of their club? The issuer
 * sees the link, so it must not let anyone take over a more powerful account: coaches reset
 * athletes and staff, physios reset athletes only, and nobody resets the owner or themselves by
 * link (they change their password on the account page).
 */
export function canIssuePasswordReset(actor: Actor, target: { organisationId: string; userId: string; role: Role; isOwner: boolean }): boolean {
  if (!can(actor, "passwordReset.issue", { organisationId: target.organisationId })) return false;
  if (target.userId === actor.userId || target.isOwner) return false;
  if (actor.role === "physio") return target.role === "athlete";
  return actor.role === "coach";
}
