import { z } from "zod";
import { listExercises } from "@loadline/db";
import { customExerciseSchema, EXERCISE_IMAGE_MAX_BYTES, exerciseMediaLabels as M, howToText, videoLink } from "@loadline/domain";
import { mediaStore } from "../storage/media-store";
import {
  createExercise,
  editExercise,
  exerciseHistory,
  exerciseImage,
  libraryEntry,
  restoreExercise,
  retireExercise,
  setExerciseMedia,
} from "../services/exercise-library";
import { procedureFor, router } from "../trpc";

const entry = { exerciseId: z.uuid("Unknown exercise"), baseVersion: z.int().min(1).max(100_000) };

/** Base64 grows 4/3: the decoded limit (5 MB) is checked again on the bytes. */
const BASE64_MAX = Math.ceil(EXERCISE_IMAGE_MAX_BYTES / 3) * 4;

export const exerciseMediaSchema = z.object({
  ...entry,
  howTo: howToText().default(""),
  videoUrl: z.union([z.literal("").transform(() => null), videoLink()]).nullable().default(null),
  image: z
    .union([
      z.literal("remove"),
      z
        .object({ base64: z.string().max(BASE64_MAX * 2, `${M.image} must be at most 5 MB`) })
        // Size first: a 6 MB file gets the size sentence, not a decoding complaint.
        .refine((v) => v.base64.length <= BASE64_MAX, `${M.image} must be at most 5 MB`)
        .refine((v) => v.base64.length > BASE64_MAX || z.base64().safeParse(v.base64).success, `${M.image}: the upload is damaged, choose the file again`),
    ])
    .optional(),
});

export const exercisesRouter = router({
  /**
   * The organisation's library. A read never writes: the standard library is added when an
   * organisation is created (`seedExerciseLibrary`, called by the demo seed and by whatever
   * creates a club), not on first use. Retired entries only when asked (the library page);
   * the plan editor offers only the others.
   */
  list: procedureFor("exercise.read")
    .input(z.object({ includeRetired: z.boolean().default(false) }).default({ includeRetired: false }))
    .query(async ({ ctx, input }) => (await listExercises(ctx.db, ctx.actor.organisationId, input)).map(libraryEntry)),

  create: procedureFor("exercise.write")
    .input(customExerciseSchema)
    .mutation(({ ctx, input }) => createExercise(ctx.db, ctx.actor, ctx.now, input)),

  edit: procedureFor("exercise.write")
    .input(customExerciseSchema.extend(entry))
    .mutation(({ ctx, input }) => editExercise(ctx.db, ctx.actor, ctx.now, input)),

  retire: procedureFor("exercise.write")
    .input(z.object(entry))
    .mutation(({ ctx, input }) => retireExercise(ctx.db, ctx.actor, ctx.now, input)),

  restore: procedureFor("exercise.write")
    .input(z.object(entry))
    .mutation(({ ctx, input }) => restoreExercise(ctx.db, ctx.actor, ctx.now, input)),

  setMedia: procedureFor("exercise.write")
    .input(exerciseMediaSchema)
    .mutation(({ ctx, input }) => setExerciseMedia(ctx.db, ctx.actor, ctx.now, ctx.media ?? mediaStore(), input)),

  history: procedureFor("exercise.read")
    .input(z.object({ exerciseId: entry.exerciseId }))
    .query(({ ctx, input }) => exerciseHistory(ctx.db, ctx.actor, input.exerciseId)),

  /** The image bytes of one version; the web app serves them at /api/exercise-media/<id>/<version>. */
  image: procedureFor("exerciseMedia.read")
    .input(z.object({ exerciseId: entry.exerciseId, version: entry.baseVersion }))
    .query(({ ctx, input }) => exerciseImage(ctx.db, ctx.actor, ctx.media ?? mediaStore(), input)),
});
