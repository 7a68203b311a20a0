import { decode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { refreshedSessionToken } from "../src/session-refresh";

const NOW = new Date("2026-11-21T09:00:00Z");
const nowSeconds = NOW.getTime() / 1000;
const secret = "a-test-secret-of-enough-length";
const salt = "authjs.session-token";
const loadline = {
  id: "5f0c6a1e-2c1d-4e55-9b39-1c9e0c7f2a11",
  role: "coach",
  organisationId: "6f0c6a1e-2c1d-4e55-9b39-1c9e0c7f2a12",
  athleteId: null,
  sessionVersion: 1,
  signedInAt: nowSeconds - 3 * 24 * 3600,
};

describe("sliding session refresh", () => {
  it("re-issues a token older than 15 minutes with a new 12-hour expiry, keeping the sign-in time", async () => {
    const value = await refreshedSessionToken({ loadline, iat: nowSeconds - 16 * 60 }, { secret, salt, now: NOW });
    expect(value).not.toBeNull();
    const decoded = await decode({ token: value!, secret, salt });
    expect(decoded?.loadline).toEqual(loadline);
    expect(Number(decoded?.exp) - Number(decoded?.iat)).toBe(12 * 3600);
  });

  it("leaves a fresh token alone and never refreshes one past the 7-day limit", async () => {
    expect(await refreshedSessionToken({ loadline, iat: nowSeconds - 60 }, { secret, salt, now: NOW })).toBeNull();
    const old = { ...loadline, signedInAt: nowSeconds - 8 * 24 * 3600 };
    expect(await refreshedSessionToken({ loadline: old, iat: nowSeconds - 3600 }, { secret, salt, now: NOW })).toBeNull();
  });
});
