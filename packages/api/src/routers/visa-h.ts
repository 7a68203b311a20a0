import { z } from "zod";
import { idempotencyKeySchema, visaHChange, visaHDue, visaHInputSchema, visaHItems, withinEditWindow, DomainError } from "@loadline/domain";
import { listVisaHResponses } from "@loadline/db";
import { currentPlan } from "../services/athlete-logging";
import { submitVisaH, updateOwnVisaH, withdrawOwnVisaH } from "../services/visa-h";
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
  mine: procedureFor("athleteLog.readOwn").query(async ({ ctx }) => {
    const athleteId = ctx.actor.athleteId;
    if (!athleteId) throw new DomainError("forbidden", "This account has no athlete profile.");
    const [responses, plan] = await Promise.all([
      listVisaHResponses(ctx.db, ctx.actor.organisationId, athleteId),
      currentPlan(ctx.db, ctx.actor.organisationId, athleteId),
    ]);
    const latest = responses.at(-1) ?? null;
    const baseline = plan?.visaHBaseline ?? responses[0]?.total ?? null;
    return {
      items: visaHItems,
      responses: responses.map((r) => ({
        id: r.id,
        at: r.at,
        items: r.items,
        total: r.total,
        // The athlete may change or withdraw their own for 24 hours, like a log.
        editable: r.completedById === ctx.actor.userId && withinEditWindow(r.createdAt, ctx.now),
      })),
      due: visaHDue(latest?.at ?? null, ctx.now),
      change: latest && baseline !== null ? visaHChange(baseline, latest.total) : null,
    };
  }),

  /** Change the answers of one's own questionnaire within 24 hours of completing it. */
  update: procedureFor("athleteLog.writeOwn")
    .input(responseId.and(visaHInputSchema))
    .mutation(({ ctx, input }) => updateOwnVisaH(ctx.db, ctx.actor, ctx.now, input.id, input)),

  /** Withdraw one's own questionnaire within 24 hours (kept in its history, no longer counted). */
  withdraw: procedureFor("athleteLog.writeOwn")
    .input(responseId)
    .mutation(({ ctx, input }) => withdrawOwnVisaH(ctx.db, ctx.actor, ctx.now, input.id)),
});
