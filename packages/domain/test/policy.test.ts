import { describe, expect, it } from "vitest";
import { actions, can, homePathFor, roleForSection, type Action, type Actor } from "../src";

const orgA = "org-a";
const orgB = "org-b";
const coach: Actor = { userId: "c", role: "coach", organisationId: orgA };
const physio: Actor = { userId: "p", role: "physio", organisationId: orgA };
const athlete: Actor = { userId: "a", role: "athlete", organisationId: orgA, athleteId: "ath-1" };

describe("can(actor, action, subject)", () => {
  const table: [Action, Actor, boolean][] = [
    ["roster.read", coach, true],
    ["roster.read", physio, true],
    ["roster.read", athlete, false],
    ["roster.write", coach, true],
    ["roster.write", physio, false],
    ["roster.write", athlete, false],
    ["invite.create", coach, true],
    ["invite.create", physio, false],
    ["invite.create", athlete, false],
    ["caseload.read", physio, true],
    ["caseload.read", coach, false],
    ["caseload.read", athlete, false],
    ["athlete.readOwn", athlete, true],
    ["athlete.readOwn", coach, false],
    ["report.handover", coach, true],
    ["report.handover", physio, true],
    ["report.handover", athlete, false],
    ["exerciseMedia.read", coach, true],
    ["exerciseMedia.read", physio, true],
    ["exerciseMedia.read", athlete, true],
    ["export.staff", coach, true],
    ["export.staff", physio, false],
    ["export.clinical", physio, true],
    ["export.clinical", coach, false],
    ["export.clinical", athlete, false],
    ["athleteNote.write", coach, true],
    ["athleteNote.write", physio, true],
    ["athleteNote.write", athlete, false],
    ["calendar.subscribe", athlete, true],
    ["calendar.subscribe", coach, true],
    ["calendar.subscribe", physio, false],
    ["push.manage", coach, true],
    ["push.manage", physio, true],
    ["push.manage", athlete, true],
    ...(["board.read", "squadPlan.write", "alerts.read", "alerts.acknowledge", "gait.write"] as const).flatMap(
      (action): [Action, Actor, boolean][] => [
        [action, coach, true],
        [action, physio, false],
        [action, athlete, false],
      ],
    ),
  ];
  it.each(table)("%s by a %s -> %s", (action, actor, expected) => {
    expect(can(actor, action, { organisationId: orgA })).toBe(expected);
  });

  it("refuses every action on another organisation's subject, whatever the role", () => {
    for (const action of actions) {
      for (const actor of [coach, physio, athlete]) {
        expect(can(actor, action, { organisationId: orgB, athleteId: "ath-1" })).toBe(false);
      }
    }
  });

  it("lets an athlete read only their own profile", () => {
    expect(can(athlete, "athlete.readProfile", { organisationId: orgA, athleteId: "ath-1" })).toBe(true);
    expect(can(athlete, "athlete.readProfile", { organisationId: orgA, athleteId: "ath-2" })).toBe(false);
    expect(can(athlete, "athlete.readProfile", { organisationId: orgA })).toBe(false);
    expect(can(coach, "athlete.readProfile", { organisationId: orgA, athleteId: "ath-2" })).toBe(true);
  });

  it("lets a physio write gait notes only when the club allows it, a coach always, an athlete never", () => {
    const allowed = { organisationId: orgA, athleteId: "ath-1", club: { physioGaitNotes: true } };
    const notAllowed = { organisationId: orgA, athleteId: "ath-1", club: { physioGaitNotes: false } };
    expect(can(physio, "gait.write", allowed)).toBe(true);
    expect(can(physio, "gait.write", notAllowed)).toBe(false);
    expect(can(physio, "gait.write", { organisationId: orgA, athleteId: "ath-1" })).toBe(false);
    expect(can(coach, "gait.write", notAllowed)).toBe(true);
    expect(can(athlete, "gait.write", allowed)).toBe(false);
    expect(can(physio, "gait.write", { ...allowed, organisationId: orgB })).toBe(false);
    // The procedure's first gate has no subject yet: it lets the physio through to the club's check.
    expect(can(physio, "gait.write")).toBe(true);
    expect(can(athlete, "gait.write")).toBe(false);
  });

  it("lets an athlete read notes about themselves only", () => {
    expect(can(athlete, "athleteNote.read", { organisationId: orgA, athleteId: "ath-1" })).toBe(true);
    expect(can(athlete, "athleteNote.read", { organisationId: orgA, athleteId: "ath-2" })).toBe(false);
    expect(can(coach, "athleteNote.read", { organisationId: orgA, athleteId: "ath-2" })).toBe(true);
  });
});

describe("role landing pages and sections", () => {
  it("sends each role to its own home", () => {
    expect(homePathFor("coach")).toBe("/coach/board");
    expect(homePathFor("physio")).toBe("/physio/caseload");
    expect(homePathFor("athlete")).toBe("/me");
  });
  it("maps URL sections to the one role allowed there", () => {
    expect(roleForSection("coach")).toBe("coach");
    expect(roleForSection("physio")).toBe("physio");
    expect(roleForSection("me")).toBe("athlete");
    expect(roleForSection("sign-in")).toBeNull();
  });
});
