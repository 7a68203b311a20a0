import { describe, expect, it } from "vitest";
import {
  can,
  changePasswordSchema,
  mayUseSecondFactor,
  resetLinkState,
  resetPasswordSchema,
  secondFactorRequired,
  type Actor,
} from "../src";

const NOW = new Date("2026-11-21T09:00:00Z");
const inHours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

describe("reset links", () => {
  it("are valid until they expire, once, and only for an active user", () => {
    expect(resetLinkState(null, NOW)).toBe("unknown");
    expect(resetLinkState({ expiresAt: inHours(1), usedAt: null, active: true }, NOW)).toBe("valid");
    expect(resetLinkState({ expiresAt: inHours(1), usedAt: NOW, active: true }, NOW)).toBe("used");
    expect(resetLinkState({ expiresAt: NOW, usedAt: null, active: true }, NOW)).toBe("expired");
    expect(resetLinkState({ expiresAt: inHours(1), usedAt: null, active: false }, NOW)).toBe("expired");
  });
  it("need matching passwords of at least 10 characters", () => {
    expect(resetPasswordSchema.safeParse({ token: "t".repeat(43), password: "long-enough-1", confirm: "long-enough-1" }).success).toBe(true);
    expect(resetPasswordSchema.safeParse({ token: "t".repeat(43), password: "short", confirm: "short" }).success).toBe(false);
    expect(changePasswordSchema.safeParse({ currentPassword: "x", newPassword: "long-enough-1", confirm: "other-one-12" }).success).toBe(false);
  });
});

describe("second factor", () => {
  it("is for staff, and the club may require it of physios", () => {
    expect([mayUseSecondFactor("coach"), mayUseSecondFactor("physio"), mayUseSecondFactor("athlete")]).toEqual([true, true, false]);
    expect(secondFactorRequired("physio", { physioSecondFactorRequired: true })).toBe(true);
    expect(secondFactorRequired("coach", { physioSecondFactorRequired: true })).toBe(false);
    expect(secondFactorRequired("physio", { physioSecondFactorRequired: false })).toBe(false);
  });
  it("is required by the owner only", () => {
    const coach: Actor = { userId: "c", role: "coach", organisationId: "o" };
    expect(can({ ...coach, isOwner: true }, "securityPolicy.write")).toBe(true);
    expect(can(coach, "securityPolicy.write")).toBe(false);
    expect(can({ userId: "p", role: "physio", organisationId: "o", isOwner: true }, "securityPolicy.write")).toBe(false);
  });
});
