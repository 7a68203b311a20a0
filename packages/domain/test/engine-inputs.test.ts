import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  athleteTimelineSchema,
  engineInputPaths,
  engineInputs,
  exitCriterionIds,
  inputPathsOf,
  phaseInfo,
  writerProcedures,
  writersFor,
} from "../src";

describe("every engine input has a writer", () => {
  it("the table covers exactly the inputs of the engine's timeline schema", () => {
    const paths = engineInputPaths();
    const missing = paths.filter((p) => engineInputs[p] === undefined);
    const stale = Object.keys(engineInputs).filter((k) => !paths.includes(k));
    expect(missing, "inputs the engine reads with no writer listed").toEqual([]);
    expect(stale, "entries for fields the schema no longer has").toEqual([]);
  });

  it("every input has at least one writer, and every listed writer writes something", () => {
    const without = Object.entries(engineInputs).filter(([, input]) => input.writers.length === 0).map(([path]) => path);
    expect(without).toEqual([]);
    const used = new Set(Object.values(engineInputs).flatMap((i) => i.writers));
    expect(writerProcedures.filter((w) => !used.has(w))).toEqual([]);
  });

  it("the paths come from the schema: a field added to a record schema is found", () => {
    const extended = athleteTimelineSchema.extend({
      athlete: athleteTimelineSchema.shape.athlete.extend({ newFact: z.number().optional() }),
    });
    expect(inputPathsOf(extended)).toContain("athlete.newFact");
    expect(inputPathsOf(extended).filter((p) => engineInputs[p] === undefined)).toEqual(["athlete.newFact"]);
    // Unions, lists of records, nested objects and wrapped fields are all walked.
    expect(engineInputPaths()).toEqual(
      expect.arrayContaining(["athlete.bmi", "sessions.fullTraining", "sessions.distanceKm", "capacityTests.affected", "plan.targetEasyRun.minutes", "plan.prescriptions.activity", "gaitAssessments.faults.code"]),
    );
    // The thresholds are one input (the plan editor's threshold card writes them all).
    expect(engineInputPaths().filter((p) => p.startsWith("plan.thresholds"))).toEqual(["plan.thresholds"]);
  });

  it("every exit criterion reads at least one input, so the checklist can say which form settles it", () => {
    const orphan = exitCriterionIds.filter((id) => writersFor(id).length === 0);
    expect(orphan).toEqual([]);
    for (const phase of [1, 2, 3, 4] as const) for (const id of phaseInfo[phase].exitCriteria) expect(writersFor(id).length).toBeGreaterThan(0);
  });

  it("the criteria that had no writer are written by the new procedures", () => {
    expect(writersFor("E2.2")).toEqual(["capacityTests.record"]);
    expect(writersFor("E2.3")).toEqual(["capacityTests.record"]);
    expect(writersFor("E4.2")).toEqual(expect.arrayContaining(["athleteLogs.logSession", "athleteLogs.logRun"]));
    expect(writersFor("E4.1")).toEqual(expect.arrayContaining(["plans.save", "athleteLogs.logSession"]));
    expect(writersFor("E4.4")).toEqual(["plans.save"]);
    expect(engineInputs["athlete.bmi"]?.writers).toEqual(["episodes.updateClinicalProfile"]);
  });
});
