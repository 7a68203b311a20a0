import { describe, expect, it } from "vitest";
import { authConfig, nextToken } from "../src/config";
import { throttledCode, throttledMinutes } from "../src/throttle";

const NOW = new Date("2026-11-21T09:00:00Z");
const nowSeconds = NOW.getTime() / 1000;
const user = {
  id: "5f0c6a1e-2c1d-4e55-9b39-1c9e0c7f2a11",
  role: "physio" as const,
  organisationId: "6f0c6a1e-2c1d-4e55-9b39-1c9e0c7f2a12",
  athleteId: null,
  sessionVersion: 3,
};

describe("the session token", () => {
  it("copies the user's claims, session version and sign-in time in at sign-in", () => {
    expect(nextToken({ sub: user.id }, user, NOW)).toEqual({ sub: user.id, loadline: { ...user, signedInAt: nowSeconds } });
  });

  it("keeps a token younger than 7 days and drops an older or malformed one", () => {
    const fresh = { loadline: { ...user, signedInAt: nowSeconds - 6 * 24 * 3600 } };
    expect(nextToken(fresh, undefined, NOW)).toBe(fresh);
    expect(nextToken({ loadline: { ...user, signedInAt: nowSeconds - 7 * 24 * 3600 - 1 } }, undefined, NOW)).toBeNull();
    expect(nextToken({ loadline: { id: user.id, role: "physio" } }, undefined, NOW)).toBeNull();
  });

  it("lives 12 hours after its last use", () => {
    expect(authConfig.session.maxAge).toBe(12 * 3600);
  });
});

describe("a throttled sign-in", () => {
  it("reaches the sign-in action as a code carrying the minutes", () => {
    expect(throttledMinutes(throttledCode(15))).toBe(15);
    expect(throttledMinutes("credentials")).toBeNull();
    expect(throttledMinutes(undefined)).toBeNull();
  });
});
