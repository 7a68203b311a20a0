import type { z } from "zod";
import { thresholdOverridesSchema } from "./config";
import { athleteTimelineSchema } from "./schemas/timeline";
import type { ExitCriterionId, RuleId } from "./vocabulary";

/*
 * Every input the engine reads, and the procedure that writes it. The list of inputs is not
 * written by hand: `engineInputPaths()` walks the engine's own timeline schema, so a field added
 * to it appears here at once, and the test of this table fails until someone says which screen
 * writes it. A rule that reads an input nobody can write is a rule that can never be met or
 * cleared from the screens.
 */

/**
 * The procedures (router.procedure, as the API names them) that write engine inputs. The API's
 * tests check that each exists and that calling it changes the inputs it is listed for.
 */
export const writerProcedures = [
  "roster.add",
  "roster.update",
  "roster.move",
  "episodes.updateClinicalProfile",
  "plans.save",
  "plans.changePhase",
  "athleteLogs.logSession",
  "athleteLogs.logRun",
  "checkIns.create",
  "visaH.submit",
  "visaH.update",
  "gait.create",
  "adjuncts.record",
  "adjuncts.enterRestrictions",
  "capacityTests.record",
  "planner.create",
  "escalations.resolve",
] as const;
export type WriterProcedure = (typeof writerProcedures)[number];

export type EngineReader = RuleId | ExitCriterionId;

export interface EngineInput {
  /** The rules and exit criteria that read it; empty for identity, time and context fields. */
  readBy: readonly EngineReader[];
  /** Every procedure that writes it (at least one). */
  writers: readonly WriterProcedure[];
}

/** Stops the walk at a schema that is one input as a whole (every threshold is one plan-editor card). */
const wholeInputs: ReadonlySet<z.ZodType> = new Set<z.ZodType>([thresholdOverridesSchema]);

interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

function walk(schema: z.ZodType, path: string, into: Set<string>): void {
  if (wholeInputs.has(schema)) {
    into.add(path);
    return;
  }
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      walk(def.innerType as z.ZodType, path, into);
      return;
    case "pipe": {
      // A preprocess (instant) or transform: the output side is what the engine reads.
      const out = def.out as z.ZodType;
      walk(defOf(out).type === "transform" ? (def.in as z.ZodType) : out, path, into);
      return;
    }
    case "object":
      for (const [key, value] of Object.entries(def.shape ?? {})) walk(value, path ? `${path}.${key}` : key, into);
      return;
    case "union":
      // Kinds of one record (session or run, the three capacity tests): their fields together.
      for (const option of def.options ?? []) walk(option, path, into);
      return;
    case "array": {
      const element = def.element as z.ZodType;
      // A list of records: its fields; a list of values (activities, squads): one input.
      if (["object", "union"].includes(defOf(element).type)) walk(element, path, into);
      else into.add(path);
      return;
    }
    default:
      into.add(path);
  }
}

/** The input paths of a record schema: the fields of its objects, records of its lists, options of its unions. */
export function inputPathsOf(schema: z.ZodType): string[] {
  const paths = new Set<string>();
  walk(schema, "", paths);
  return [...paths].sort();
}

/** Every input path of the engine's timeline schema, e.g. `athlete.bmi`, `sessions.fullTraining`, `plan.targetEasyRun.minutes`. */
export function engineInputPaths(): string[] {
  return inputPathsOf(athleteTimelineSchema);
}

const context = (...writers: WriterProcedure[]): EngineInput => ({ readBy: [], writers });
const read = (readBy: readonly EngineReader[], ...writers: WriterProcedure[]): EngineInput => ({ readBy, writers });

const session: WriterProcedure[] = ["athleteLogs.logSession", "athleteLogs.logRun"];
const run: WriterProcedure[] = ["athleteLogs.logRun"];
const profile: WriterProcedure[] = ["roster.add", "roster.update"];
const physioFacts: WriterProcedure[] = ["episodes.updateClinicalProfile"];
const plan: WriterProcedure[] = ["plans.save"];
const visaHReaders: EngineReader[] = ["E2.6", "E4.3"];

/**
 * The table: each engine input, who reads it and which procedure writes it. Keyed by the paths
 * `engineInputPaths()` finds; the test fails on a path without an entry and on an entry for a
 * path the schema no longer has.
 */
export const engineInputs: Readonly<Record<string, EngineInput>> = {
  "athlete.id": context("roster.add"),
  "athlete.joinedAt": context("roster.add"),
  "athlete.birthYear": read(["R21"], ...profile),
  "athlete.sex": context(...profile),
  "athlete.sport": context(...profile),
  "athlete.squadIds": read(["R16"], "roster.add", "roster.update", "roster.move"),
  "athlete.preInjuryWeeklyKm": read(["E3.3"], ...profile, ...physioFacts),
  "athlete.previousHamstringInjury": context(...profile),
  "athlete.conditions": read(["R21"], ...physioFacts),
  "athlete.bmi": read(["R21"], ...physioFacts),
  // Read by the gait summary's cadence hint, which is no rule of its own.
  "athlete.usualCadenceSpm": context(...physioFacts),

  "plan.id": context(...plan, "plans.changePhase"),
  "plan.athleteId": context(...plan),
  "plan.version": context(...plan, "plans.changePhase"),
  "plan.authorId": context(...plan, "plans.changePhase"),
  "plan.createdAt": context(...plan, "plans.changePhase"),
  "plan.phase": read(["R7", "R8", "R9", "R16", "R17", "R19"], ...plan, "plans.changePhase"),
  "plan.phaseStartedAt": read(["R19", "E1.2", "E2.4", "E2.5", "E3.1", "E3.2", "E4.1"], ...plan, "plans.changePhase"),
  "plan.prescriptions.id": context(...plan),
  "plan.prescriptions.exercise": context(...plan),
  "plan.prescriptions.exerciseVersion": context(...plan),
  "plan.prescriptions.category": read(["E1.2"], ...plan),
  "plan.prescriptions.activity": read(["R16", "R17"], ...plan),
  "plan.prescriptions.sets": context(...plan),
  "plan.prescriptions.reps": context(...plan),
  "plan.prescriptions.holdSeconds": context(...plan),
  "plan.prescriptions.intensityPct": context(...plan),
  "plan.prescriptions.repetitionMaximum": read(["E2.5"], ...plan),
  "plan.prescriptions.tempo": context(...plan),
  "plan.prescriptions.sessionsPerWeek": context(...plan),
  "plan.prescriptions.heavy": read(["R8", "R9"], ...plan),
  "plan.prescriptions.highTendonLoad": read(["R16"], ...plan),
  "plan.allowedActivities": read(["R16"], ...plan),
  "plan.forbiddenActivities": read(["R16"], ...plan),
  "plan.thresholds": read(["R1", "R2", "R3", "R7", "R10", "R11", "R13", "R19", "R21"], ...plan),
  "plan.targetEasyRun.distanceKm": read(["E3.1"], ...plan),
  "plan.targetEasyRun.minutes": read(["E3.1"], ...plan),
  "plan.returnToSportElements": read(["E4.1"], ...plan),
  "plan.maintenancePlan": read(["E4.4"], ...plan),
  "plan.visaHBaseline": read(["E2.6"], ...plan),
  "plan.notes": context(...plan),

  "sessions.id": context(...session),
  "sessions.at": read(["R3", "R7", "R8", "R10", "R13", "E4.2"], ...session),
  "sessions.type": read(["R7", "R10", "R11"], ...session),
  "sessions.minutes": read(["R12", "R13", "E2.4", "E3.1"], ...session),
  "sessions.rpe": read(["R12", "R13"], ...session),
  "sessions.painDuring": read(["R1", "R4", "E2.4"], ...session),
  "sessions.painAfter": read(["R2", "R4", "E2.4"], ...session),
  "sessions.asPrescribed": read(["E1.2"], ...session),
  "sessions.activities": read(["R7", "R16", "R17", "E2.4", "E3.2", "E4.1"], ...session),
  "sessions.categories": read(["E1.2"], "athleteLogs.logSession"),
  "sessions.heavy": read(["R8", "R9"], "athleteLogs.logSession"),
  "sessions.heaviestRm": read(["E2.5"], "athleteLogs.logSession"),
  "sessions.fullIntensity": read(["E4.1"], ...session),
  "sessions.fullTraining": read(["E4.2"], ...session),
  "sessions.notes": context(...session),
  "sessions.distanceKm": read(["R10", "R11", "R14", "E3.1", "E3.3"], ...run),
  "sessions.elevationGainM": context(...run),
  "sessions.steepestGradientPct": read(["R14", "R16", "E3.2"], ...run),
  "sessions.surface": read(["R14"], ...run),
  "sessions.strides": read(["R14", "E3.2"], ...run),
  "sessions.sprints": read(["R14", "R16"], ...run),
  "sessions.cadenceSpm": context(...run),
  "sessions.walkRun": read(["R14"], ...run),

  "checkIns.id": context("checkIns.create"),
  "checkIns.at": read(["R3", "R5", "E1.1"], "checkIns.create"),
  "checkIns.morningPain": read(["R3", "R5", "E1.3"], "checkIns.create"),
  "checkIns.stiffnessMinutes": context("checkIns.create"),
  "checkIns.loadTestPain": read(["R6", "E1.1"], "checkIns.create"),
  "checkIns.restPain": read(["E2.1"], "checkIns.create"),
  "checkIns.longestSitMinutes": read(["R18"], "checkIns.create"),
  "checkIns.sittingToleranceMinutes": read(["R18"], "checkIns.create"),
  "checkIns.redFlags": read(["R20", "E1.4"], "checkIns.create"),

  "visaH.id": context("visaH.submit"),
  "visaH.at": read(visaHReaders, "visaH.submit", "visaH.update"),
  "visaH.items": read(visaHReaders, "visaH.submit", "visaH.update"),

  "gaitAssessments.id": context("gait.create"),
  "gaitAssessments.at": context("gait.create"),
  "gaitAssessments.assessorId": context("gait.create"),
  "gaitAssessments.surface": context("gait.create"),
  "gaitAssessments.speedKmh": context("gait.create"),
  "gaitAssessments.cadenceSpm": context("gait.create"),
  "gaitAssessments.faults.code": context("gait.create"),
  "gaitAssessments.faults.severity": context("gait.create"),
  "gaitAssessments.faults.side": context("gait.create"),
  "gaitAssessments.cuesPrescribed": context("gait.create"),
  "gaitAssessments.notes": context("gait.create"),
  "gaitAssessments.videoUrl": context("gait.create"),

  "adjuncts.id": context("adjuncts.record"),
  "adjuncts.at": read(["R22"], "adjuncts.record"),
  "adjuncts.kind": read(["R22"], "adjuncts.record"),
  "adjuncts.side": context("adjuncts.record"),
  "adjuncts.parameters": context("adjuncts.record"),
  "adjuncts.provider": context("adjuncts.record"),
  "adjuncts.restrictions": read(["R22"], "adjuncts.record", "adjuncts.enterRestrictions"),

  "capacityTests.id": context("capacityTests.record"),
  "capacityTests.at": read(["E2.2", "E2.3", "E3.4"], "capacityTests.record"),
  "capacityTests.kind": read(["E2.2", "E2.3", "E3.4"], "capacityTests.record"),
  "capacityTests.pain": read(["E2.2"], "capacityTests.record"),
  "capacityTests.affected": read(["E2.3", "E3.4"], "capacityTests.record"),
  "capacityTests.other": read(["E2.3", "E3.4"], "capacityTests.record"),

  "squadSessions.id": context("planner.create"),
  "squadSessions.at": read(["R16"], "planner.create"),
  "squadSessions.squadId": read(["R16"], "planner.create"),
  "squadSessions.kind": read(["R16"], "planner.create"),
  "squadSessions.notes": context("planner.create"),

  "reviews.id": context("escalations.resolve"),
  "reviews.at": read(["R4", "R19", "R20"], "escalations.resolve"),
  "reviews.ruleId": read(["R4", "R19", "R20"], "escalations.resolve"),
  "reviews.reviewerId": context("escalations.resolve"),
  "reviews.note": context("escalations.resolve"),
};

/** The engine inputs an exit criterion reads, for the checklist's "what would settle it" links. */
export function inputsReadBy(reader: EngineReader): string[] {
  return Object.entries(engineInputs)
    .filter(([, input]) => input.readBy.includes(reader))
    .map(([path]) => path);
}

/** The procedures whose forms settle a criterion: the writers of the inputs it reads, in table order. */
export function writersFor(reader: EngineReader): WriterProcedure[] {
  const found = new Set(inputsReadBy(reader).flatMap((path) => engineInputs[path]?.writers ?? []));
  return writerProcedures.filter((w) => found.has(w));
}
