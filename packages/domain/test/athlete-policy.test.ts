import { describe, expect, it } from "vitest";
import { can, type Actor } from "../src";

const org = "org-1";
const athlete: Actor = { userId: "u1", role: "athlete", organisationId: org, athleteId: "a1" };
const physio: Actor = { userId: "u2", role: "physio", organisationId: org };
const coach: Actor = { userId: "u3", role: "coach", organisationId: org };

describe("athlete logging policy", () => {
  it("lets only athletes read and write their own logs", () => {
    expect(can(athlete, "athleteLog.writeOwn")).toBe(true);
    expect(can(athlete, "athleteLog.readOwn")).toBe(true);
    expect(can(physio, "athleteLog.writeOwn")).toBe(false);
    expect(can(coach, "athleteLog.readOwn")).toBe(false);
  });
  it("lets an athlete or a physio of the organisation complete VISA-H, never a coach", () => {
    expect(can(athlete, "visaH.write")).toBe(true);
    expect(can(athlete, "visaH.write", { organisationId: org, athleteId: "a1" })).toBe(true);
    expect(can(athlete, "visaH.write", { organisationId: org, athleteId: "a2" })).toBe(false);
    expect(can(physio, "visaH.write", { organisationId: org, athleteId: "a2" })).toBe(true);
    expect(can(physio, "visaH.write", { organisationId: "org-2", athleteId: "a2" })).toBe(false);
    expect(can(coach, "visaH.write", { organisationId: org, athleteId: "a1" })).toBe(false);
  });
});
