import { describe, expect, it } from "vitest";
import type { UseFormReturn } from "react-hook-form";
import { episodeInputSchemaOn, episodeLabels } from "@loadline/domain";
import { applyServerErrors, labelledResolver } from "../src/lib/form-errors";

type Values = { date: string; speedKmh: string; notes: string };

/** Just what the helper touches of a react-hook-form instance: the values and setError. */
function fakeForm(values: Values) {
  const errors: Record<string, string> = {};
  const form = {
    getValues: () => values,
    setError: (name: string, error: { message?: string }) => {
      errors[name] = error.message ?? "";
    },
  } as unknown as UseFormReturn<Values>;
  return { form, errors };
}

describe("applyServerErrors", () => {
  it("puts every field error at its field, a renamed key where the form calls it, the rest at the top", () => {
    const { form, errors } = fakeForm({ date: "2099-01-01", speedKmh: "99", notes: "" });
    applyServerErrors(
      form,
      {
        message: "Date of the assessment cannot be in the future",
        data: {
          fieldErrors: {
            at: ["Date of the assessment cannot be in the future"],
            speedKmh: ["Speed (km/h) must be at most 40"],
            athleteId: ["Athlete: choose an athlete"],
          },
        },
      },
      { at: "date" },
    );
    expect(errors).toEqual({
      date: "Date of the assessment cannot be in the future",
      speedKmh: "Speed (km/h) must be at most 40",
      root: "Athlete: choose an athlete",
    });
  });

  it("without field errors the message goes to the top, a lost connection in plain words", () => {
    const { form, errors } = fakeForm({ date: "", speedKmh: "", notes: "" });
    applyServerErrors(form, { message: "Failed to fetch" });
    expect(errors).toEqual({ root: "Could not reach Loadline. Check your connection and try again." });
  });
});

describe("labelledResolver", () => {
  it("reports every error of the episode form at once, a future onset among them", async () => {
    const resolver = labelledResolver(episodeInputSchemaOn("2026-11-21"), episodeLabels);
    const values = { side: "up", onsetDate: "2026-12-01", onsetType: "gradual", diagnosisMethod: "mri", owningClinicianId: "" };
    const result = await resolver(values as never, undefined, { fields: {}, shouldUseNativeValidation: false });
    const messages = Object.fromEntries(Object.entries(result.errors).map(([key, error]) => [key, (error as { message?: string }).message]));
    expect(messages).toEqual({
      side: "Side: choose left, right or both",
      onsetDate: "Onset date cannot be in the future",
      owningClinicianId: "Choose the owning clinician",
    });
  });
});
