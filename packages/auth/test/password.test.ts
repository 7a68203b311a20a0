import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../src/password";
import { hashInviteToken, newInviteToken } from "../src/tokens";
import { actorFromSession } from "../src/session";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batter", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("never matches a malformed stored hash", async () => {
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });
});

describe("invite tokens", () => {
  it("stores only a hash that matches the token", () => {
    const { token, tokenHash } = newInviteToken();
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(hashInviteToken(token)).toBe(tokenHash);
    expect(tokenHash).not.toContain(token);
  });
});

describe("session to actor", () => {
  const id = "5f0c6a1e-2c1d-4e55-9b39-1c9e0c7f2a11";
  const now = new Date("2026-11-21T09:00:00Z");
  const signedInAt = now.getTime() / 1000 - 3600;
  it("builds the domain actor from a well-formed session", () => {
    expect(actorFromSession({ user: { id, role: "coach", organisationId: id, athleteId: null, sessionVersion: 0, signedInAt } }, now)).toEqual({
      userId: id,
      role: "coach",
      organisationId: id,
      athleteId: null,
    });
  });
  it("treats a missing or tampered session as anonymous", () => {
    expect(actorFromSession(null, now)).toBeNull();
    expect(actorFromSession({ user: { id, role: "admin", organisationId: id, athleteId: null, sessionVersion: 0, signedInAt } }, now)).toBeNull();
    // A token from before session versions existed.
    expect(actorFromSession({ user: { id, role: "coach", organisationId: id, athleteId: null } }, now)).toBeNull();
  });
  it("refuses a token signed in more than 7 days ago", () => {
    const eightDaysAgo = signedInAt - 8 * 24 * 3600;
    expect(actorFromSession({ user: { id, role: "coach", organisationId: id, athleteId: null, sessionVersion: 0, signedInAt: eightDaysAgo } }, now)).toBeNull();
  });
});
