import { describe, expect, it } from "vitest";
import { z } from "zod";
import { thresholdFieldKey, thresholdFields } from "@loadline/domain";
import { checkedBy } from "../src/components/form-pipe";
import { planFieldOf, planFormSchema, planFormValuesOf, type PlanFormValues } from "../src/app/physio/athletes/[athleteId]/plan-form";

const numberThreshold = thresholdFields.find((f) => f.kind === "number");
if (!numberThreshold) throw new Error("the domain describes no number threshold");
const thresholdKey = thresholdFieldKey(numberThreshold.path);

const bridge = {
  id: "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f",
  exerciseVersion: 1,
  exercise: "Double-leg bridge hold",
  category: "isometric" as const,
  sets: 5,
  holdSeconds: 45,
  intensityPct: 70,
  sessionsPerWeek: 7,
  heavy: false,
  highTendonLoad: false,
};

const values = (patch: Partial<PlanFormValues>): PlanFormValues => ({ ...planFormValuesOf(null), prescriptions: [bridge], ...patch });

/** The form's sentences by path, as the resolver hands them to react-hook-form. */
function errorsOf(input: PlanFormValues): Record<string, string> {
  const result = planFormSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("the plan editor's check", () => {
  it("reports every error at once, each at the field the editor shows it at", () => {
    const errors = errorsOf(values({ targetKm: "ten", visaHBaseline: "120", thresholds: { [thresholdKey]: "lots" }, prescriptions: [{ ...bridge, sets: Number.NaN }] }));
    expect(errors.targetKm).toBe("Enter a number, or leave empty");
    expect(errors[`thresholds.${thresholdKey}`]).toBe("Enter a number, or leave empty for the default");
    expect(Object.keys(errors)).toContain("prescriptions.0.sets");
    expect(Object.keys(errors)).toContain("visaHBaseline");
  });

  it("builds the body the API takes: the target run, the baseline, the activity overrides against the phase", () => {
    const result = planFormSchema.parse(values({ phase: "2", targetKm: "5,5", targetMinutes: "", visaHBaseline: "60", forbidden: [], notes: "Flat runs" }));
    expect(result.phase).toBe(2);
    expect(result.body.targetEasyRun).toEqual({ distanceKm: 5.5 });
    expect(result.body.visaHBaseline).toBe(60);
    expect(result.body.notes).toBe("Flat runs");
    expect(result.body.forbiddenActivities).toEqual([]);
    expect("changeSummary" in result).toBe(false);
  });

  it("places the API's keys on the editor's fields", () => {
    expect(planFieldOf("body.targetEasyRun")).toBe("targetKm");
    expect(planFieldOf("body.targetEasyRun.minutes")).toBe("targetMinutes");
    expect(planFieldOf("phaseStartedAt")).toBe("phaseStartDay");
    expect(planFieldOf("body.prescriptions.2.reps")).toBe("prescriptions.2.reps");
    expect(planFieldOf(`body.thresholds.${thresholdKey}`)).toBe(`thresholds.${thresholdKey}`);
  });
});

describe("checkedBy", () => {
  it("hands on the domain schema's sentences at their paths", () => {
    const domain = z.object({ pain: z.number().max(10, "pain must be between 0 and 10") });
    const form = z.object({ pain: z.string() }).transform((v, ctx) => checkedBy(domain, { pain: Number(v.pain) }, ctx));
    const result = form.safeParse({ pain: "12" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["pain", "pain must be between 0 and 10"]]);
    expect(form.parse({ pain: "3" })).toEqual({ pain: 3 });
  });
});
