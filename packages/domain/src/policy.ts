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
] as const;
export type Action = (typeof actions)[number];

/** What the action is aimed at. Absent for organisation-wide actions (e.g. listing the roster). */
export interface Subject {
  organisationId: string;
  /** Set when the subject is one athlete. */
  athleteId?: string;
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

const rules: Record<Action, Rule> = {
  // Coaches own the roster (DOMAIN.md section 2); physios may read it to find their athletes.
  "roster.read": anyOf("coach", "physio"),
  "roster.write": anyOf("coach"),
  // Coaches bring people in; physio invites are not in the domain model.
  "invite.create": anyOf("coach"),
  "athlete.readOwn": anyOf("athlete"),
  "athlete.readProfile": staffOrSelf,
  "caseload.read": anyOf("physio"),
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
      return "/coach/roster";
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
