import { describe, expect, it } from "vitest";
import { acceptInviteSchema, addAthleteSchema, inviteState } from "../src";

const valid = {
  name: "Ada",
  email: " Ada@Example.COM ",
  squadIds: ["5f0c6a1e-2c1d-4e55-9b39-1c9e0c7f2a11"],
  eventOrSport: "800 m",
  birthYear: 2000,
  sex: "female",
  preInjuryWeeklyKm: 40,
  previousHamstringInjury: false,
  conditions: [],
  notes: "",
};

describe("athlete profile input", () => {
  it("normalises the email", () => {
    expect(addAthleteSchema.parse(valid).email).toBe("ada@example.com");
  });
  it("names each bad field with a clear message", () => {
    const result = addAthleteSchema.safeParse({ ...valid, name: "", birthYear: 1900, preInjuryWeeklyKm: -1, squadIds: [] });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      name: "Name is required",
      birthYear: "Birth year must be 1930 or later",
      preInjuryWeeklyKm: "Weekly volume (km) must be between 0 and 400",
      squadIds: "Choose at least one squad",
    });
  });
});

describe("invites", () => {
  const now = new Date("2026-01-10T12:00:00Z");
  it("are valid until they expire, and only once", () => {
    expect(inviteState({ expiresAt: new Date("2026-01-10T12:00:01Z"), acceptedAt: null }, now)).toBe("valid");
    expect(inviteState({ expiresAt: now, acceptedAt: null }, now)).toBe("expired");
    expect(inviteState({ expiresAt: new Date("2026-02-01"), acceptedAt: now }, now)).toBe("used");
  });
  it("require matching passwords of at least 10 characters", () => {
    const token = "x".repeat(43);
    expect(acceptInviteSchema.safeParse({ token, password: "long-enough-1", confirm: "long-enough-1" }).success).toBe(true);
    const mismatch = acceptInviteSchema.safeParse({ token, password: "long-enough-1", confirm: "long-enough-2" });
    expect(mismatch.error?.issues[0]?.path).toEqual(["confirm"]);
    expect(acceptInviteSchema.safeParse({ token, password: "short", confirm: "short" }).success).toBe(false);
  });
});
