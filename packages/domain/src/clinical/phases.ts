import type { Plan } from "./schemas/plan";
import type { ActivityKind, ExitCriterionId, Phase, SquadSessionKind } from "./vocabulary";
import { squadSessionKinds } from "./vocabulary";

/** Plain-language description of a phase, for athletes, coaches and the UI. */
export interface PhaseInfo {
  phase: Phase;
  name: string;
  goals: readonly string[];
  allowed: readonly string[];
  forbidden: readonly string[];
  /** Activities the phase gate (R16) treats as red when prescribed, planned or logged. */
  forbiddenActivities: readonly ActivityKind[];
  /** The subset of squad session kinds an athlete in this phase must not join (R16). */
  forbiddenSquadKinds: readonly SquadSessionKind[];
  /** Activities forbidden unless the physio enables them in the plan (`allowedActivities`). */
  needsPhysioEnable: readonly ActivityKind[];
  exitCriteria: readonly ExitCriterionId[];
}

/*
 * Static hamstring stretching into hip flexion is handled by R17 (amber), not by the gate,
 * because the clinical model (docs/clinical-model.md) gives it its own, milder rule.
 * Product choices beyond the clinical model's lists (documented in the README): running of any kind
 * waits for phase 3 unless the physio enables easy flat running (the clinical model's "ready to run"
 * exit of phase 2), heavy gym waits for phase 2, field drills for phase 4.
 */
const phase1Forbidden: readonly ActivityKind[] = [
  "easy_run", "long_run", "hills", "gentle_hills", "intervals", "strides", "sprint",
  "plyometrics", "heavy_gym", "field_drills", "deep_lunge",
];
const phase2Forbidden: readonly ActivityKind[] = [
  "easy_run", "long_run", "hills", "gentle_hills", "intervals", "strides", "sprint",
  "plyometrics", "field_drills", "deep_lunge",
];
const phase3Forbidden: readonly ActivityKind[] = ["hills", "intervals", "sprint", "plyometrics", "field_drills", "deep_lunge"];

const squadKinds = (forbidden: readonly ActivityKind[]) =>
  squadSessionKinds.filter((kind) => forbidden.includes(kind));

/** The four phases of clinical-model.md, "Phases" in plain words. */
export const phaseInfo: Readonly<Record<Phase, PhaseInfo>> = {
  1: {
    phase: 1,
    name: "Calm the tendon (isometrics)",
    goals: ["Lower pain", "Take compressive load off the tendon", "Start loading it in a way it tolerates"],
    allowed: [
      "Isometric holds with the hip near straight (heel press, bridge holds), about 5 x 30-45 s at ~70 % effort",
      "Glute and trunk work (clamshells, side planks, anti-rotation)",
      "Comfortable walking, pool running, cycling if the saddle is comfortable",
      "Easy flat running only if the physio enables it",
    ],
    forbidden: [
      "Hills, sprints and long runs",
      "Static hamstring stretching into hip flexion",
      "Deep lunges",
      "Heavy Romanian deadlifts and other heavy gym work",
    ],
    forbiddenActivities: phase1Forbidden,
    forbiddenSquadKinds: squadKinds(phase1Forbidden),
    needsPhysioEnable: ["easy_run"],
    exitCriteria: ["E1.1", "E1.2", "E1.3", "E1.4"],
  },
  2: {
    phase: 2,
    name: "Eccentric and heavy slow resistance",
    goals: ["Build tendon and posterior-chain strength", "First with little hip flexion, then deeper"],
    allowed: [
      "Heavy slow resistance from ~15RM towards ~8RM: bridges, hip thrusts, leg curls, Nordic curls, Romanian deadlifts, good mornings, pull-throughs",
      "2-3 heavy sessions a week with rest days between",
      "Walking, cycling, pool running",
    ],
    forbidden: ["Sprinting", "Heavy plyometrics", "Heavy deep lunges", "Running until the physio enables it"],
    forbiddenActivities: phase2Forbidden,
    forbiddenSquadKinds: squadKinds(phase2Forbidden),
    needsPhysioEnable: ["easy_run"],
    exitCriteria: ["E2.1", "E2.2", "E2.3", "E2.4", "E2.5", "E2.6"],
  },
  3: {
    phase: 3,
    name: "Return to running",
    goals: ["Short, easy, flat runs at conversational pace on non-consecutive days", "Keep strength work twice a week"],
    allowed: [
      "Easy flat runs (walk-run if needed), at least 72 hours apart",
      "Strength twice a week, running drills, gait cues",
      "One change at a time: distance first, then strides, then gentle hills",
    ],
    forbidden: ["Maximal sprints", "Hill repeats", "Speed sessions", "Heavy plyometrics", "Deep lunges"],
    forbiddenActivities: phase3Forbidden,
    forbiddenSquadKinds: squadKinds(phase3Forbidden),
    needsPhysioEnable: [],
    exitCriteria: ["E3.1", "E3.2", "E3.3", "E3.4"],
  },
  4: {
    phase: 4,
    name: "Return to sport and prevention",
    goals: ["Graded sprinting to full speed", "Sport skills: changes of direction, jumping, landing, kicking, lunging", "Keep the tendon strong"],
    allowed: [
      "All squad sessions, built up gradually",
      "Dynamic warm-ups",
      "Heavy or eccentric maintenance work at least twice a week, in season too",
    ],
    forbidden: ["Adding hills, sprints and plyometrics in the same block"],
    forbiddenActivities: [],
    forbiddenSquadKinds: [],
    needsPhysioEnable: [],
    exitCriteria: ["E4.1", "E4.2", "E4.3", "E4.4"],
  },
};

/**
 * The activities the phase gate (R16) forbids for this plan: the phase defaults, minus what the
 * physio explicitly allowed, plus what the physio explicitly forbade.
 * @param plan the current plan version
 */
export function effectiveForbiddenActivities(
  plan: Pick<Plan, "phase" | "allowedActivities" | "forbiddenActivities">,
): ActivityKind[] {
  const forbidden = new Set<ActivityKind>(phaseInfo[plan.phase].forbiddenActivities);
  for (const activity of plan.allowedActivities) forbidden.delete(activity);
  for (const activity of plan.forbiddenActivities) forbidden.add(activity);
  // R17 owns static stretching; keeping it out of the gate avoids a red and an amber for one act.
  forbidden.delete("static_hamstring_stretch");
  return [...forbidden].sort();
}
