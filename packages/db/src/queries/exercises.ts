import { and, asc, eq } from "drizzle-orm";
import type { ExerciseCategory, Phase } from "@loadline/domain";
import type { Database } from "../client";
import { exercises } from "../schema";

export type HipFlexionDemand = "low" | "moderate" | "high";

export interface LibraryExercise {
  name: string;
  category: ExerciseCategory;
  phases: Phase[];
  heavy: boolean;
  highTendonLoad: boolean;
  hipFlexionDemand: HipFlexionDemand;
  description: string;
}

/** The standard exercise library, tagged with the phases it belongs to (clinical-model.md, "Phases"). */
export const exerciseLibrary: readonly LibraryExercise[] = [
  // Phase 1: isometrics near hip neutral, glute and trunk work.
  { name: "Heel press into a ball (isometric)", category: "isometric", phases: [1], heavy: false, highTendonLoad: false, hipFlexionDemand: "low", description: "Lying, knee bent, press the heel into a ball or towel; hold 30-45 s at ~70 % effort." },
  { name: "Double-leg bridge hold", category: "isometric", phases: [1], heavy: false, highTendonLoad: false, hipFlexionDemand: "low", description: "Bridge up and hold 30-45 s, hips level." },
  { name: "Single-leg bridge hold", category: "isometric", phases: [1, 2], heavy: false, highTendonLoad: false, hipFlexionDemand: "low", description: "Bridge on the affected leg and hold 30-45 s." },
  { name: "Clamshells", category: "glute_core", phases: [1, 2, 3, 4], heavy: false, highTendonLoad: false, hipFlexionDemand: "moderate", description: "Side lying, knees bent, open the top knee against a band." },
  { name: "Side plank", category: "glute_core", phases: [1, 2, 3, 4], heavy: false, highTendonLoad: false, hipFlexionDemand: "low", description: "Forearm side plank, body in one line." },
  { name: "Anti-rotation press (Pallof)", category: "glute_core", phases: [1, 2, 3, 4], heavy: false, highTendonLoad: false, hipFlexionDemand: "low", description: "Press a cable or band straight out without letting the trunk turn." },
  // Phase 2: heavy slow resistance and eccentrics, little then more hip flexion.
  { name: "Loaded bridge", category: "heavy_slow_resistance", phases: [2, 3, 4], heavy: true, highTendonLoad: false, hipFlexionDemand: "low", description: "Barbell or plate on the hips, slow up and down (3 s each way)." },
  { name: "Single-leg bridge", category: "heavy_slow_resistance", phases: [2, 3, 4], heavy: false, highTendonLoad: false, hipFlexionDemand: "low", description: "Slow single-leg bridges; progress the height of the foot." },
  { name: "Hip thrust", category: "heavy_slow_resistance", phases: [2, 3, 4], heavy: true, highTendonLoad: false, hipFlexionDemand: "moderate", description: "Shoulders on a bench, barbell hip thrust from ~15RM towards ~8RM." },
  { name: "Lying leg curl", category: "heavy_slow_resistance", phases: [2, 3, 4], heavy: true, highTendonLoad: false, hipFlexionDemand: "low", description: "Machine leg curl, slow tempo." },
  { name: "Ball hamstring curl", category: "eccentric", phases: [2, 3], heavy: false, highTendonLoad: false, hipFlexionDemand: "low", description: "Bridge on a Swiss ball and curl it in; slow on the way out." },
  { name: "Nordic curl", category: "eccentric", phases: [2, 3, 4], heavy: true, highTendonLoad: false, hipFlexionDemand: "low", description: "Kneeling, lower the body slowly while the partner holds the ankles." },
  { name: "Romanian deadlift", category: "heavy_slow_resistance", phases: [2, 3, 4], heavy: true, highTendonLoad: false, hipFlexionDemand: "high", description: "Hinge at the hips with a soft knee, bar close to the legs; deeper as pain allows." },
  { name: "Single-leg Romanian deadlift", category: "heavy_slow_resistance", phases: [2, 3, 4], heavy: true, highTendonLoad: false, hipFlexionDemand: "high", description: "Hinge on one leg holding a dumbbell." },
  { name: "Good morning", category: "heavy_slow_resistance", phases: [2, 3, 4], heavy: true, highTendonLoad: false, hipFlexionDemand: "high", description: "Bar on the back, hinge forward with a flat back." },
  { name: "Cable pull-through", category: "heavy_slow_resistance", phases: [2, 3, 4], heavy: false, highTendonLoad: false, hipFlexionDemand: "moderate", description: "Facing away from a low cable, hinge and drive the hips through." },
  // Phase 3: return to running.
  { name: "Walk-run intervals", category: "running_drill", phases: [3], heavy: false, highTendonLoad: true, hipFlexionDemand: "moderate", description: "Flat, conversational pace, e.g. 1 min run / 1 min walk." },
  { name: "Easy flat run", category: "running_drill", phases: [3, 4], heavy: false, highTendonLoad: true, hipFlexionDemand: "moderate", description: "Short, easy, flat run on non-consecutive days." },
  { name: "A-skips", category: "running_drill", phases: [3, 4], heavy: false, highTendonLoad: true, hipFlexionDemand: "moderate", description: "Running drill: tall posture, quick feet under the hips." },
  { name: "Strides", category: "running_drill", phases: [3, 4], heavy: false, highTendonLoad: true, hipFlexionDemand: "moderate", description: "4-6 x 80 m relaxed accelerations once distance is tolerated." },
  // Phase 4: return to sport and prevention.
  { name: "Graded sprints", category: "running_drill", phases: [4], heavy: false, highTendonLoad: true, hipFlexionDemand: "high", description: "Build from 70 % towards full speed over several sessions." },
  { name: "Change-of-direction drills", category: "plyometric", phases: [4], heavy: false, highTendonLoad: true, hipFlexionDemand: "high", description: "Cuts and turns for field athletes, graded." },
  { name: "Jump and land", category: "plyometric", phases: [4], heavy: false, highTendonLoad: true, hipFlexionDemand: "moderate", description: "Jumping and landing drills, low to high intensity." },
  { name: "Walking lunges", category: "heavy_slow_resistance", phases: [4], heavy: false, highTendonLoad: false, hipFlexionDemand: "high", description: "Lunging pattern for sport; deep lunges only in phase 4." },
  { name: "Dynamic warm-up", category: "running_drill", phases: [3, 4], heavy: false, highTendonLoad: false, hipFlexionDemand: "moderate", description: "Leg swings, skips and drills before running." },
];

export type ExerciseRow = typeof exercises.$inferSelect;

/** Put the standard library into an organisation; existing names are left as they are. */
export async function seedExerciseLibrary(db: Pick<Database, "insert">, organisationId: string): Promise<void> {
  await db
    .insert(exercises)
    .values(exerciseLibrary.map((e) => ({ ...e, organisationId, custom: false })))
    .onConflictDoNothing({ target: [exercises.organisationId, exercises.name] });
}

/** The organisation's exercise library (standard and custom), by name. */
export function listExercises(db: Database, organisationId: string): Promise<ExerciseRow[]> {
  return db.select().from(exercises).where(eq(exercises.organisationId, organisationId)).orderBy(asc(exercises.name));
}

export async function exerciseNameTaken(db: Database, organisationId: string, name: string): Promise<boolean> {
  const [row] = await db
    .select({ id: exercises.id })
    .from(exercises)
    .where(and(eq(exercises.organisationId, organisationId), eq(exercises.name, name)))
    .limit(1);
  return row !== undefined;
}

/** Add a custom exercise to the organisation's library. */
export async function createCustomExercise(
  db: Database,
  organisationId: string,
  input: Omit<LibraryExercise, "phases"> & { phases: number[] },
): Promise<ExerciseRow> {
  const [row] = await db.insert(exercises).values({ ...input, organisationId, custom: true }).returning();
  if (!row) throw new Error("could not create the exercise");
  return row;
}
