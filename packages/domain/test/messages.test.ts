import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  checkInInputSchema,
  closingNoteSchema,
  diffPlans,
  episodeInputSchemaOn,
  exercisePrescriptionSchema,
  fieldErrorsOfIssues,
  fieldLabel,
  issueSentence,
  planBodySchema,
  runLogInputSchema,
  sessionLogInputSchema,
  sessionLogLabels,
  squadSessionInputSchema,
  visaHInputSchema,
  type PhasedPlanBody,
} from "../src";

/** Every sentence a failed parse would show, keyed by field. */
function sentences(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected the input to be refused");
  return fieldErrorsOfIssues(result.error.issues);
}

const AT = "2026-11-21T09:00Z";
/** A field key as it is spelled in code: camelCase, or a bare lower-case key at the start. */
const MACHINE_WORDS = /\b[a-z]+[A-Z][A-Za-z]*\b|^(at|rpe|sets|reps|tempo|minutes|notes|kind|type|pain|title) /;
const ZOD_WORDING = /Invalid (input|option)|Too (big|small)|expected/;

function expectReadable(errors: Record<string, string[]>): void {
  for (const list of Object.values(errors)) {
    for (const sentence of list) {
      expect(sentence).not.toMatch(MACHINE_WORDS);
      expect(sentence).not.toMatch(ZOD_WORDING);
    }
  }
}

describe("error sentences name the field by its label", () => {
  it("the session form: effort, pain and minutes", () => {
    const errors = sentences(sessionLogInputSchema, { at: AT, type: "strength", minutes: 0, rpe: 11, painDuring: "x" });
    expect(errors).toEqual({
      minutes: ["Minutes must be greater than 0"],
      rpe: ["Effort (RPE) must be between 0 and 10"],
      painDuring: ["Pain during the session must be a number between 0 and 10"],
    });
  });

  it("the run form: distance, and every error of the form at once", () => {
    const errors = sentences(runLogInputSchema, { at: "soon", distanceKm: 0, painDuring: 12, cadenceSpm: 5 });
    expect(errors["distanceKm"]).toEqual(["Distance (km) must be greater than 0"]);
    expect(errors["painDuring"]).toEqual(["Pain during the run must be between 0 and 10"]);
    expect(Object.keys(errors).sort()).toEqual(["at", "cadenceSpm", "distanceKm", "painDuring"]);
    expectReadable(errors);
  });

  it("the check-in, VISA-H and planner forms", () => {
    expectReadable(sentences(checkInInputSchema, { at: AT, morningPain: -1, stiffnessMinutes: 900, loadTestPain: 1.5, redFlags: ["nope"] }));
    expectReadable(sentences(visaHInputSchema, { at: AT, items: [11, 0, 0] }));
    const planner = sentences(squadSessionInputSchema, {
      squadId: "x",
      at: AT,
      kind: "jog",
      durationMinutes: Number("abc"),
      title: "t".repeat(201),
    });
    expect(planner["durationMinutes"]).toEqual(["Duration (minutes) must be a number between 1 and 600"]);
    expectReadable(planner);
  });

  it("the episode form reports a future onset at its field, with the others", () => {
    const errors = sentences(episodeInputSchemaOn("2026-11-21"), { side: "up", onsetDate: "2026-11-22", onsetType: "gradual", diagnosisMethod: "mri", owningClinicianId: "x" });
    expect(errors["onsetDate"]).toEqual(["Onset date cannot be in the future"]);
    expect(Object.keys(errors).sort()).toEqual(["onsetDate", "owningClinicianId", "side"]);
    expectReadable(errors);
  });

  it("closing note and prescriptions", () => {
    expect(closingNoteSchema.safeParse("   ").error?.issues.map((i) => i.message)).toEqual(["Closing note is required"]);
    const errors = sentences(exercisePrescriptionSchema, { id: "p", exercise: "Bridge", category: "isometric", sets: -1, reps: 5, sessionsPerWeek: 3, tempo: "x".repeat(41) });
    expect(errors["sets"]).toContain("Sets must be 0 or more");
    expect(errors["tempo"]).toEqual(["Tempo must be at most 40 characters"]);
    expectReadable(errors);
    expectReadable(sentences(planBodySchema, { prescriptions: [{ id: "p", exercise: "", category: "x", sets: 0, sessionsPerWeek: 99 }], visaHBaseline: 101 }));
  });

  it("rewords the checks zod words itself, with the form's label", () => {
    const schema = z.object({ painDuring: z.number().max(10), type: z.enum(["a", "b"]), notes: z.string().max(3) });
    const result = schema.safeParse({ painDuring: 11, type: "c", notes: "long" });
    const words = result.error?.issues.map((issue) => issueSentence(issue, sessionLogLabels));
    expect(words).toEqual(["Pain during the session must be at most 10", "Type of session: choose one of the options", "Note must be at most 3 characters"]);
    expect(issueSentence({ code: "invalid_type", expected: "number", path: ["unknownField"], message: "Invalid input: expected number, received undefined", input: undefined })).toBe(
      "Unknown field is required",
    );
  });

  it("finds a nested field's label by its key", () => {
    expect(fieldLabel("episode.onsetDate")).toBe("Onset date");
    expect(fieldLabel(["prescriptions", 0, "holdSeconds"])).toBe("Hold (seconds)");
  });
});

describe("plan diffs use the same labels", () => {
  const base: PhasedPlanBody = planBodySchema.parse({}) as PhasedPlanBody;
  const withRx = (rm: number, hold: number): PhasedPlanBody => ({
    ...base,
    phase: 2,
    prescriptions: [
      exercisePrescriptionSchema.parse({ id: "p", exercise: "Hip thrust", category: "heavy_slow_resistance", sets: 3, reps: 8, holdSeconds: hold, repetitionMaximum: rm, sessionsPerWeek: 2 }),
    ],
  });
  it("says 'load (RM) 15 -> 10', not 'repetitionMaximum 15 -> 10'", () => {
    const [change] = diffPlans(withRx(15, 30), withRx(10, 45));
    expect(change?.summary).toBe("Hip thrust: hold (seconds) 30 -> 45; load (RM) 15 -> 10");
    expect(change?.summary).not.toMatch(MACHINE_WORDS);
  });
});
