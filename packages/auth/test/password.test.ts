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
  it("builds the domain actor from a well-formed session", () => {
    expect(actorFromSession({ user: { id, role: "coach", organisationId: id, athleteId: null } })).toEqual({
      userId: id,
      role: "coach",
      organisationId: id,
      athleteId: null,
    });
  });
  it("treats a missing or tampered session as anonymous", () => {
    expect(actorFromSession(null)).toBeNull();
    expect(actorFromSession({ user: { id, role: "admin", organisationId: id, athleteId: null } })).toBeNull();
  });
});
