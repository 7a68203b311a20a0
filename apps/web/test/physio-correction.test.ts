import { describe, expect, it } from "vitest";
import { checkInCorrectionSchema, logCorrectionSchema } from "@loadline/domain";
import { correctionSchema } from "../src/app/physio/athletes/[athleteId]/correct-log";

const logSpecs = [
  { key: "painDuring", label: "Pain during", stored: 3 },
  { key: "painAfter", label: "Pain after", stored: null },
  { key: "minutes", label: "Minutes", stored: 40 },
];

describe("a physio's correction", () => {
  it("sends only the figures changed from the stored ones, with the reason", () => {
    const schema = correctionSchema(logSpecs, logCorrectionSchema);
    expect(schema.parse({ painDuring: "3", painAfter: "5", minutes: "40", reason: "Athlete typed during for after" })).toEqual({
      painAfter: 5,
      reason: "Athlete typed during for after",
    });
  });

  it("names every problem at once at its field: nothing changed, no reason", () => {
    const result = correctionSchema(logSpecs, logCorrectionSchema).safeParse({ painDuring: "3", painAfter: "", minutes: "40", reason: "" });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(byField.painDuring).toBe("Change at least one figure");
    expect(byField.reason).toBe("reason is required");
  });

  it("reads a yes/no answer on a check-in", () => {
    const schema = correctionSchema(
      [
        { key: "morningPain", label: "Morning pain", stored: 2 },
        { key: "cushionUsed", label: "Cushion used", yesNo: true, stored: null },
      ],
      checkInCorrectionSchema,
    );
    expect(schema.parse({ morningPain: "2", cushionUsed: "yes", reason: "Told me in clinic" })).toEqual({ cushionUsed: true, reason: "Told me in clinic" });
  });
});
