import { z } from "zod";
import { createCustomExercise, exerciseNameTaken, listExercises } from "@loadline/db";
import { exerciseCategories, exerciseLabels as L, nameText, phases, plainText } from "@loadline/domain";
import { fieldError } from "../errors";
import { procedureFor, router } from "../trpc";

export const customExerciseSchema = z.object({
  name: nameText(L.name, 2),
  category: z.enum(exerciseCategories, { error: `${L.category}: choose one of the options` }),
  phases: z.array(z.literal(phases)).min(1, "Choose at least one phase"),
  heavy: z.boolean().default(false),
  highTendonLoad: z.boolean().default(false),
  hipFlexionDemand: z.enum(["low", "moderate", "high"], { error: `${L.hipFlexionDemand}: choose low, moderate or high` }),
  description: plainText(L.description, { max: 500, multiline: true }).default(""),
});

export const exercisesRouter = router({
  /**
   * The organisation's library. A read never writes: the standard library is added when an
   * organisation is created (`seedExerciseLibrary`, called by the demo seed and by whatever
   * creates a club), not on first use.
   */
  list: procedureFor("exercise.read").query(({ ctx }) => listExercises(ctx.db, ctx.actor.organisationId)),

  create: procedureFor("exercise.write")
    .input(customExerciseSchema)
    .mutation(async ({ ctx, input }) => {
      if (await exerciseNameTaken(ctx.db, ctx.actor.organisationId, input.name)) throw fieldError("name", "An exercise with this name already exists");
      return createCustomExercise(ctx.db, ctx.actor.organisationId, input);
    }),
});
