import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { ExerciseCategory, Phase } from "@loadline/domain";
import type { Database } from "../client";
import { exercises, exerciseVersions } from "../schema";

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
export type ExerciseVersionRow = typeof exerciseVersions.$inferSelect;

/** Version 1 of every exercise of the organisation that has no version yet (the standard library, new entries). */
async function writeFirstVersions(db: Pick<Database, "execute">, organisationId: string, authorId: string | null, change: string): Promise<void> {
  await db.execute(sql`
    insert into exercise_versions (organisation_id, exercise_id, version, name, category, phases, heavy, high_tendon_load, hip_flexion_demand, description, how_to, video_url, image_key, image_type, author_id, change)
    select e.organisation_id, e.id, e.version, e.name, e.category, e.phases, e.heavy, e.high_tendon_load, e.hip_flexion_demand, e.description, e.how_to, e.video_url, e.image_key, e.image_type, ${authorId}, ${change}
    from exercises e
    where e.organisation_id = ${organisationId}
      and not exists (select 1 from exercise_versions v where v.exercise_id = e.id and v.version = e.version)
    on conflict (exercise_id, version) do nothing`);
}

/** Put the standard library into an organisation; existing names are left as they are. */
export async function seedExerciseLibrary(db: Pick<Database, "insert" | "execute">, organisationId: string): Promise<void> {
  await db
    .insert(exercises)
    .values(exerciseLibrary.map((e) => ({ ...e, organisationId, custom: false })))
    .onConflictDoNothing({ target: [exercises.organisationId, exercises.name] });
  await writeFirstVersions(db, organisationId, null, "Added to the library");
}

/** The organisation's exercise library (standard and custom), by name; retired ones only when asked. */
export function listExercises(db: Database, organisationId: string, options: { includeRetired?: boolean } = {}): Promise<ExerciseRow[]> {
  return db
    .select()
    .from(exercises)
    .where(and(eq(exercises.organisationId, organisationId), options.includeRetired ? undefined : isNull(exercises.retiredAt)))
    .orderBy(asc(exercises.name));
}

export async function getExercise(db: Database, organisationId: string, exerciseId: string): Promise<ExerciseRow | null> {
  const [row] = await db
    .select()
    .from(exercises)
    .where(and(eq(exercises.organisationId, organisationId), eq(exercises.id, exerciseId)))
    .limit(1);
  return row ?? null;
}

export async function exerciseNameTaken(db: Database, organisationId: string, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: exercises.id })
    .from(exercises)
    .where(and(eq(exercises.organisationId, organisationId), eq(exercises.name, name)))
    .limit(1);
  return row !== undefined && row.id !== exceptId;
}

/** Add a custom exercise to the organisation's library, with its version 1. */
export async function createCustomExercise(
  db: Database,
  organisationId: string,
  authorId: string,
  input: Omit<LibraryExercise, "phases"> & { phases: number[] },
): Promise<ExerciseRow> {
  const [row] = await db.insert(exercises).values({ ...input, organisationId, custom: true }).returning();
  if (!row) throw new Error("could not create the exercise");
  await writeFirstVersions(db, organisationId, authorId, "Added to the library");
  return row;
}

/** What an edit may change on a library entry. */
export type ExerciseChange = Partial<
  Pick<ExerciseRow, "name" | "category" | "phases" | "heavy" | "highTendonLoad" | "hipFlexionDemand" | "description" | "howTo" | "videoUrl" | "imageKey" | "imageType" | "retiredAt">
>;

/**
 * A new version of a library entry: the entry moves on only if it is still at `baseVersion`
 * (null when someone else changed it first), and the new version is kept as written.
 */
export async function writeExerciseVersion(
  db: Database,
  organisationId: string,
  exerciseId: string,
  baseVersion: number,
  change: ExerciseChange,
  by: { authorId: string; summary: string; now: Date },
): Promise<ExerciseRow | null> {
  const [row] = await db
    .update(exercises)
    .set({ ...change, version: sql`${exercises.version} + 1`, updatedAt: by.now })
    .where(and(eq(exercises.organisationId, organisationId), eq(exercises.id, exerciseId), eq(exercises.version, baseVersion)))
    .returning();
  if (!row) return null;
  await db.insert(exerciseVersions).values({
    organisationId,
    exerciseId: row.id,
    version: row.version,
    name: row.name,
    category: row.category,
    phases: row.phases,
    heavy: row.heavy,
    highTendonLoad: row.highTendonLoad,
    hipFlexionDemand: row.hipFlexionDemand,
    description: row.description,
    howTo: row.howTo,
    videoUrl: row.videoUrl,
    imageKey: row.imageKey,
    imageType: row.imageType,
    authorId: by.authorId,
    change: by.summary,
    createdAt: by.now,
  });
  return row;
}

/** Every version of one library entry, newest first. */
export function listExerciseVersions(db: Database, organisationId: string, exerciseId: string): Promise<ExerciseVersionRow[]> {
  return db
    .select()
    .from(exerciseVersions)
    .where(and(eq(exerciseVersions.organisationId, organisationId), eq(exerciseVersions.exerciseId, exerciseId)))
    .orderBy(desc(exerciseVersions.version));
}

export async function getExerciseVersion(db: Database, organisationId: string, exerciseId: string, version: number): Promise<ExerciseVersionRow | null> {
  const [row] = await db
    .select()
    .from(exerciseVersions)
    .where(and(eq(exerciseVersions.organisationId, organisationId), eq(exerciseVersions.exerciseId, exerciseId), eq(exerciseVersions.version, version)))
    .limit(1);
  return row ?? null;
}

/** The named versions (exercise id and version pairs) in one query. */
export async function getExerciseVersions(db: Database, organisationId: string, wanted: { exerciseId: string; version: number }[]): Promise<ExerciseVersionRow[]> {
  if (wanted.length === 0) return [];
  return db
    .select()
    .from(exerciseVersions)
    .where(
      and(
        eq(exerciseVersions.organisationId, organisationId),
        or(...wanted.map((w) => and(eq(exerciseVersions.exerciseId, w.exerciseId), eq(exerciseVersions.version, w.version)))),
      ),
    );
}

/** Library entries by name (plans written before prescriptions carried the entry's id). */
export function exercisesByName(db: Database, organisationId: string, names: string[]): Promise<Pick<ExerciseRow, "id" | "name">[]> {
  if (names.length === 0) return Promise.resolve([]);
  return db
    .select({ id: exercises.id, name: exercises.name })
    .from(exercises)
    .where(and(eq(exercises.organisationId, organisationId), inArray(exercises.name, names)));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which of these ids name a retired library entry (ids that are not library ids are ignored). */
export async function retiredExerciseNames(db: Database, organisationId: string, ids: string[]): Promise<string[]> {
  const libraryIds = ids.filter((id) => UUID.test(id));
  if (libraryIds.length === 0) return [];
  const rows = await db
    .select({ name: exercises.name })
    .from(exercises)
    .where(and(eq(exercises.organisationId, organisationId), inArray(exercises.id, libraryIds), isNotNull(exercises.retiredAt)));
  return rows.map((r) => r.name);
}

/** The library entry and version each prescription names: by id, else by name (older plans), version 1 when unnamed. */
export async function prescribedExerciseVersions(
  db: Database,
  organisationId: string,
  prescriptions: { id: string; exercise: string; exerciseVersion?: number | undefined }[],
): Promise<Map<string, ExerciseVersionRow>> {
  const named = await exercisesByName(db, organisationId, prescriptions.filter((p) => !UUID.test(p.id)).map((p) => p.exercise));
  const byName = new Map(named.map((e) => [e.name, e.id]));
  const wanted = prescriptions.flatMap((p) => {
    const exerciseId = UUID.test(p.id) ? p.id : byName.get(p.exercise);
    return exerciseId ? [{ prescriptionId: p.id, exerciseId, version: p.exerciseVersion ?? 1 }] : [];
  });
  const versions = await getExerciseVersions(db, organisationId, wanted);
  const result = new Map<string, ExerciseVersionRow>();
  for (const w of wanted) {
    const row = versions.find((v) => v.exerciseId === w.exerciseId && v.version === w.version);
    if (row) result.set(w.prescriptionId, row);
  }
  return result;
}
