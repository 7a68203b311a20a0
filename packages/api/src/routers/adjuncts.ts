import { z } from "zod";
import { adjunctChangesSchema, adjunctDeletionReason, adjunctLabels as L, newAdjunctSchema, plainText } from "@loadline/domain";
import { editAdjunct, enterAdjunctRestrictions, listAthleteAdjuncts, recordAdjunct, removeAdjunct } from "../services/adjuncts";
import { procedureFor, router } from "../trpc";

const adjunctId = z.uuid({ error: "adjunctId must be an id" });

export const adjunctsRouter = router({
  list: procedureFor("episode.read")
    .input(z.object({ athleteId: z.uuid({ error: "athleteId must be an id" }) }))
    .query(({ ctx, input }) => listAthleteAdjuncts(ctx.db, ctx.actor, ctx.now, input.athleteId, ctx.pageViewId ?? null)),

  record: procedureFor("adjunct.write")
    .input(newAdjunctSchema)
    .mutation(({ ctx, input }) => recordAdjunct(ctx.db, ctx.actor, ctx.now, input)),

  /** Enter restrictions after a treatment; for injections and surgery this lifts the R22 pause. */
  enterRestrictions: procedureFor("adjunct.write")
    .input(z.object({ adjunctId, restrictions: plainText(L.restrictions, { max: 1000, min: 1, multiline: true }) }))
    .mutation(({ ctx, input }) => enterAdjunctRestrictions(ctx.db, ctx.actor, ctx.now, input.adjunctId, input.restrictions)),

  /** Correct a recorded treatment (date, kind, side, parameters, provider). */
  update: procedureFor("adjunct.write")
    .input(z.object({ adjunctId, changes: adjunctChangesSchema }))
    .mutation(({ ctx, input }) => editAdjunct(ctx.db, ctx.actor, ctx.now, input.adjunctId, input.changes)),

  /** Delete a treatment recorded in error, with a reason (kept with the row and in the audit). */
  delete: procedureFor("adjunct.write")
    .input(z.object({ adjunctId, reason: adjunctDeletionReason }))
    .mutation(({ ctx, input }) => removeAdjunct(ctx.db, ctx.actor, ctx.now, input.adjunctId, input.reason)),
});
