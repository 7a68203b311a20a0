import { describe, expect, it } from "vitest";
import { correctedFigures, describeCorrection, logCorrectionSchema } from "../src/clinical/log-corrections";

const issues = (input: unknown) => {
  const result = logCorrectionSchema.safeParse(input);
  expect(result.success).toBe(false);
  return Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
};

describe("logCorrectionSchema", () => {
  it("accepts one changed figure with a reason, trimming the reason", () => {
    expect(logCorrectionSchema.parse({ painDuring: 3, reason: "  Athlete misread the scale  " })).toEqual({
      painDuring: 3,
      reason: "Athlete misread the scale",
    });
  });

  it("accepts every figure at its upper limit and a multi-line reason", () => {
    const correction = { minutes: 1440, distanceKm: 400, rpe: 10, painDuring: 10, painAfter: 0, reason: "Line one\nLine two" };
    expect(logCorrectionSchema.parse(correction)).toEqual(correction);
  });

  it("refuses a correction that changes no figure, at painDuring", () => {
    expect(issues({ reason: "Nothing really" })).toEqual({ painDuring: "Change at least one figure" });
  });

  it("refuses a missing or blank reason", () => {
    expect(issues({ minutes: 30 })).toEqual({ reason: "reason must be text" });
    expect(issues({ minutes: 30, reason: "   " })).toEqual({ reason: "reason is required" });
  });

  it("refuses figures beyond their limits", () => {
    expect(issues({ minutes: 1441, reason: "r" })).toEqual({ minutes: "minutes must be at most 1440" });
    expect(issues({ distanceKm: 400.5, reason: "r" })).toEqual({ distanceKm: "distanceKm must be at most 400" });
    expect(issues({ minutes: 0, reason: "r" })).toEqual({ minutes: "minutes must be greater than 0" });
    expect(issues({ rpe: 6.5, reason: "r" })).toEqual({ rpe: "rpe must be a whole number" });
    expect(issues({ rpe: 11, reason: "r" })).toEqual({ rpe: "rpe must be between 0 and 10" });
    expect(issues({ painAfter: 11, reason: "r" })).toEqual({ painAfter: "painAfter must be between 0 and 10" });
  });

  it("refuses a reason longer than 500 characters", () => {
    expect(issues({ rpe: 4, reason: "x".repeat(501) })).toEqual({ reason: "reason must be at most 500 characters" });
  });
});

describe("correctedFigures", () => {
  const runRow = { id: "r1", type: "run", minutes: 40, distanceKm: 8, rpe: 4, painDuring: 2, painAfter: 3 };
  const gymRow = { id: "g1", type: "strength", minutes: 45, distanceKm: null, rpe: 6, painDuring: 1, painAfter: null };

  it("replaces only the corrected figures of a run", () => {
    expect(correctedFigures(runRow, { distanceKm: 10, painAfter: 5, reason: "r" })).toEqual({
      minutes: 40,
      distanceKm: 10,
      rpe: 4,
      painDuring: 2,
      painAfter: 5,
    });
  });

  it("replaces every figure when all are corrected, including a pain of 0", () => {
    expect(correctedFigures(runRow, { minutes: 35, distanceKm: 7, rpe: 3, painDuring: 0, painAfter: 0, reason: "r" })).toEqual({
      minutes: 35,
      distanceKm: 7,
      rpe: 3,
      painDuring: 0,
      painAfter: 0,
    });
  });

  it("ignores a distance on a session that is not a run", () => {
    expect(correctedFigures(gymRow, { distanceKm: 5, minutes: 50, reason: "r" })).toEqual({
      minutes: 50,
      distanceKm: null,
      rpe: 6,
      painDuring: 1,
      painAfter: null,
    });
  });

  it("keeps the stored figures when the correction leaves them out", () => {
    expect(correctedFigures(gymRow, { rpe: 7, reason: "r" })).toEqual({ minutes: 45, distanceKm: null, rpe: 7, painDuring: 1, painAfter: null });
    expect(correctedFigures({ ...runRow, distanceKm: null }, { rpe: 5, reason: "r" }).distanceKm).toBeNull();
  });
});

describe("describeCorrection", () => {
  it("lists each changed figure, old to new, in a fixed order", () => {
    const before = { painAfter: 3, minutes: 40, distanceKm: 8, rpe: 4, painDuring: 2 };
    const after = { painAfter: 5, minutes: 40, distanceKm: 10, rpe: 4, painDuring: 2 };
    expect(describeCorrection(before, after)).toBe("distance (km) 8 -> 10, pain after 3 -> 5");
  });

  it("names an absent or null figure as none, and treats undefined and null as equal", () => {
    expect(describeCorrection({ rpe: null, painAfter: undefined }, { rpe: 6, painAfter: null })).toBe("effort (RPE) none -> 6");
    expect(describeCorrection({ minutes: 30 }, {})).toBe("minutes 30 -> none");
  });

  it("ignores fields that are not figures", () => {
    expect(describeCorrection({ notes: "a", minutes: 20 }, { notes: "b", minutes: 20 })).toBe("no figure changed");
  });

  it("says no figure changed when nothing differs", () => {
    expect(describeCorrection({ painDuring: 0 }, { painDuring: 0 })).toBe("no figure changed");
  });
});
