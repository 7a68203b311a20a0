import { z } from "zod";
import { idempotencyKeySchema, visaHInputSchema } from "@loadline/domain";
import { ownVisaH, submitVisaH, updateOwnVisaH, withdrawOwnVisaH } from "../services/visa-h";
import { procedureFor, router } from "../trpc";

const responseId = z.object({ id: z.uuid("id must be a questionnaire id") });

/**
 * VISA-H questionnaires. An athlete completes their own (the athlete id comes from the session);
 * a physio may complete one with an athlete of their organisation by naming the athlete.
 */
export const visaHRouter = router({
  submit: procedureFor("visaH.write")
    .input(z.object({ idempotencyKey: idempotencyKeySchema, athleteId: z.uuid("athleteId must be an athlete id").optional() }).and(visaHInputSchema))
    .mutation(({ ctx, input }) => submitVisaH(ctx.db, ctx.actor, ctx.now, input)),

  /** The athlete's responses, the item labels, when the next one is due and the change from baseline. */
  mine: procedureFor("athleteLog.readOwn").query(({ ctx }) => ownVisaH(ctx.db, ctx.actor, ctx.now)),

  /** Change the answers of one's own questionnaire within 24 hours of completing it. */
  update: procedureFor("athleteLog.writeOwn")
    .input(responseId.and(visaHInputSchema))
    .mutation(({ ctx, input }) => updateOwnVisaH(ctx.db, ctx.actor, ctx.now, input.id, input)),

  /** Withdraw one's own questionnaire within 24 hours (kept in its history, no longer counted). */
  withdraw: procedureFor("athleteLog.writeOwn")
    .input(responseId)
    .mutation(({ ctx, input }) => withdrawOwnVisaH(ctx.db, ctx.actor, ctx.now, input.id)),
});
