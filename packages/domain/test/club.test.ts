import { describe, expect, it } from "vitest";
import {
  canChangeStaffRole,
  can,
  clubSettingsSchema,
  clubSlug,
  clubThresholdFields,
  clubThresholdsFrom,
  defaultThresholds,
  erasureConfirmed,
  resolveThresholds,
  type Actor,
} from "../src";

const org = "00000000-0000-4000-8000-000000000001";
const coach: Actor = { userId: "c", role: "coach", organisationId: org };
const owner: Actor = { ...coach, isOwner: true };
const physio: Actor = { userId: "p", role: "physio", organisationId: org };

describe("club engine defaults", () => {
  it("apply between the engine's defaults and a plan's overrides (the plan wins)", () => {
    const club = { visaH: { reminderIntervalDays: 21 }, pain: { pht: { greenMax: 1, amberMax: 4 } } };
    const noPlan = resolveThresholds(null, club);
    expect(noPlan.visaH.reminderIntervalDays).toBe(21);
    expect(noPlan.pain.pht).toEqual({ greenMax: 1, amberMax: 4 });
    const withPlan = resolveThresholds({ pain: { pht: { greenMax: 2, amberMax: 4 } } }, club);
    expect(withPlan.pain.pht).toEqual({ greenMax: 2, amberMax: 4 });
    expect(withPlan.visaH.reminderIntervalDays).toBe(21);
    expect(resolveThresholds(null, null)).toEqual(defaultThresholds);
  });

  it("store only what differs from the engine's defaults, and read back into the form", () => {
    const same = clubThresholdFields(null);
    expect(clubThresholdsFrom(same)).toEqual({});
    const changed = { ...same, visaHIntervalDays: 28, weeklyGreenMaxPct: 8 };
    const stored = clubThresholdsFrom(changed);
    expect(stored).toEqual({ visaH: { reminderIntervalDays: 28 }, volume: { weeklyGreenMaxPct: 8 } });
    expect(clubThresholdFields(stored)).toEqual(changed);
  });

  it("the settings form refuses an amber ceiling below green and a week start outside 1-7", () => {
    const base = { name: "C", timeZone: "Europe/London", locale: "en-GB", weekStartsOn: 1, physioSecondFactorRequired: false, physioGaitNotes: false, visaHIntervalDays: 14, painGreenMax: 3, painAmberMax: 2, weeklyGreenMaxPct: 10 };
    expect(clubSettingsSchema.safeParse(base).error?.issues[0]?.path).toEqual(["painAmberMax"]);
    expect(clubSettingsSchema.safeParse({ ...base, painAmberMax: 5, weekStartsOn: 0 }).error?.issues[0]?.path).toEqual(["weekStartsOn"]);
    expect(clubSettingsSchema.safeParse({ ...base, painAmberMax: 5 }).success).toBe(true);
  });
});

describe("club administration policy", () => {
  it("coaches manage squads; only the owner writes settings and changes roles", () => {
    expect(can(coach, "squad.manage")).toBe(true);
    expect(can(physio, "squad.manage")).toBe(false);
    expect(can(coach, "club.write")).toBe(false);
    expect(can(owner, "club.write")).toBe(true);
    expect(can(owner, "staff.manage")).toBe(true);
    expect(can(coach, "staff.manage")).toBe(false);
    expect(can(physio, "club.read")).toBe(true);
  });

  it("the owner's role never changes, and only between coach and physio", () => {
    expect(canChangeStaffRole({ role: "physio", isOwner: false }, "coach")).toBe(true);
    expect(canChangeStaffRole({ role: "coach", isOwner: true }, "physio")).toBe(false);
    expect(canChangeStaffRole({ role: "athlete", isOwner: false }, "coach")).toBe(false);
    expect(canChangeStaffRole({ role: "coach", isOwner: false }, "coach")).toBe(false);
  });

  it("slugs are URL-safe, keep the name readable and never come out empty", () => {
    expect(clubSlug("Riverside Harriers & AC", "a1b2c3")).toBe("riverside-harriers-ac-a1b2c3");
    expect(clubSlug("Åsane Løpeklubb", "x")).toBe("asane-l-peklubb-x");
    expect(clubSlug("!!!", "z")).toBe("club-z");
  });
});

describe("erasure and retention", () => {
  const athlete: Actor = { userId: "a", role: "athlete", organisationId: org, athleteId: "x" };

  it("only the owner erases; the physio or the owner exports an athlete's record", () => {
    expect([coach, owner, physio, athlete].map((a) => can(a, "athlete.erase"))).toEqual([false, true, false, false]);
    expect([coach, owner, physio, athlete].map((a) => can(a, "athlete.exportRecord"))).toEqual([false, true, true, false]);
    expect(can({ ...owner, organisationId: "00000000-0000-4000-8000-000000000002" }, "athlete.erase", { organisationId: org })).toBe(false);
  });

  it("the typed name confirms regardless of letter case and spacing, never when empty or partial", () => {
    expect(erasureConfirmed("Zoë  Adams", " zoë adams ")).toBe(true);
    expect(erasureConfirmed("Zoë Adams", "Zoe Adams")).toBe(false);
    expect(erasureConfirmed("Zoë Adams", "Zoë Adam")).toBe(false);
    expect(erasureConfirmed("Zoë Adams", "   ")).toBe(false);
  });

  it("retention is off (null), kept when absent, or 1-120 whole months", () => {
    const base = { name: "C", timeZone: "Europe/London", locale: "en-GB", weekStartsOn: 1, physioSecondFactorRequired: false, physioGaitNotes: false, visaHIntervalDays: 14, painGreenMax: 3, painAmberMax: 5, weeklyGreenMaxPct: 10 };
    expect(clubSettingsSchema.parse(base).archivedAthleteRetentionMonths).toBeUndefined();
    expect(clubSettingsSchema.parse({ ...base, archivedAthleteRetentionMonths: null }).archivedAthleteRetentionMonths).toBeNull();
    expect(clubSettingsSchema.parse({ ...base, archivedAthleteRetentionMonths: 120 }).archivedAthleteRetentionMonths).toBe(120);
    for (const bad of [0, 121, 6.5]) {
      expect(clubSettingsSchema.safeParse({ ...base, archivedAthleteRetentionMonths: bad }).error?.issues[0]?.path).toEqual(["archivedAthleteRetentionMonths"]);
    }
  });
});
