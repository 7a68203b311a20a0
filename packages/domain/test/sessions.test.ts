import { describe, expect, it } from "vitest";
import { canIssuePasswordReset, sessionTooOld, sessionVerdict, type Actor, type SessionClaims, type SessionRecord } from "../src";

const NOW = new Date("2026-11-21T09:00:00Z");
const nowSeconds = NOW.getTime() / 1000;
const claims: SessionClaims = { id: "u", role: "athlete", organisationId: "o", athleteId: "a", sessionVersion: 2, signedInAt: nowSeconds - 3600 };
const record: SessionRecord = { organisationId: "o", role: "athlete", isOwner: false, athleteId: "a", sessionVersion: 2, active: true, needsSecondFactor: false };

describe("sessionVerdict", () => {
  it("accepts a token whose version matches an active user", () => {
    expect(sessionVerdict(claims, record, NOW)).toBe("valid");
  });
  it("ends a session after a version bump, archive, removal or a changed role", () => {
    expect(sessionVerdict(claims, { ...record, sessionVersion: 3 }, NOW)).toBe("ended");
    expect(sessionVerdict(claims, { ...record, active: false }, NOW)).toBe("ended");
    expect(sessionVerdict(claims, null, NOW)).toBe("ended");
    expect(sessionVerdict(claims, { ...record, role: "coach", athleteId: null }, NOW)).toBe("ended");
  });
  it("expires 7 days after sign-in, and refuses a sign-in time in the future", () => {
    expect(sessionTooOld(nowSeconds - 7 * 24 * 3600, NOW)).toBe(false);
    expect(sessionVerdict({ ...claims, signedInAt: nowSeconds - 7 * 24 * 3600 - 1 }, record, NOW)).toBe("expired");
    expect(sessionTooOld(nowSeconds + 3600, NOW)).toBe(true);
  });
});

describe("canIssuePasswordReset", () => {
  const coach: Actor = { userId: "c", role: "coach", organisationId: "o" };
  const physio: Actor = { userId: "p", role: "physio", organisationId: "o" };
  const athlete: Actor = { userId: "a", role: "athlete", organisationId: "o", athleteId: "ap" };
  const member = (userId: string, role: "coach" | "physio" | "athlete", isOwner = false) => ({ organisationId: "o", userId, role, isOwner });
  it("lets coaches reset athletes and staff, physios athletes only", () => {
    expect(canIssuePasswordReset(coach, member("x", "athlete"))).toBe(true);
    expect(canIssuePasswordReset(coach, member("x", "physio"))).toBe(true);
    expect(canIssuePasswordReset(physio, member("x", "athlete"))).toBe(true);
    expect(canIssuePasswordReset(physio, member("x", "coach"))).toBe(false);
    expect(canIssuePasswordReset(athlete, member("x", "athlete"))).toBe(false);
  });
  it("never resets the owner, oneself, or someone of another club", () => {
    expect(canIssuePasswordReset(coach, member("x", "coach", true))).toBe(false);
    expect(canIssuePasswordReset(coach, member("c", "coach"))).toBe(false);
    expect(canIssuePasswordReset(coach, { ...member("x", "athlete"), organisationId: "other" })).toBe(false);
  });
});
