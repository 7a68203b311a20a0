import { z } from "zod";
import { idempotencyKeySchema, scoreVisaH, visaHChange, visaHDue, visaHInputSchema, visaHItems, withinEditWindow, DomainError } from "@loadline/domain";
import { athleteInOrganisation, createVisaHResponse, listVisaHResponses } from "@loadline/db";
import { afterClinicalWrite } from "../services/assessments";
import { recordAudit } from "../services/audit";
import { assertNotFuture, assertSameSubmission, currentPlan } from "../services/athlete-logging";
import { updateOwnVisaH, withdrawOwnVisaH } from "../services/visa-h";
import { assertCan, procedureFor, router } from "../trpc";

const responseId = z.object({ id: z.uuid("id must be a questionnaire id") });

/**
 * VISA-H questionnaires. An athlete completes their own (the athlete id comes from the session);
 * a physio may complete one with an athlete of their organisation by naming the athlete.
 */
export const visaHRouter = router({
  submit: procedureFor("visaH.write")
    .input(z.object({ idempotencyKey: idempotencyKeySchema, athleteId: z.uuid("athleteId must be an athlete id").optional() }).and(visaHInputSchema))
    .mutation(async ({ ctx, input }) => {
      const { organisationId, userId } = ctx.actor;
      const athleteId = ctx.actor.role === "athlete" ? ctx.actor.athleteId : input.athleteId;
      if (!athleteId) throw new DomainError("invalid", "Choose the athlete whose questionnaire this is.");
      assertCan(ctx.actor, "visaH.write", { organisationId, athleteId });
      if (ctx.actor.role === "athlete" && input.athleteId && input.athleteId !== athleteId) {
        throw new DomainError("forbidden", "You can only complete your own questionnaire.");
      }
      if (!(await athleteInOrganisation(ctx.db, organisationId, athleteId))) throw new DomainError("not_found", "No such athlete.");
      assertNotFuture(input.at, ctx.now);
      const total = scoreVisaH(input.items);
      const { response, created } = await createVisaHResponse(ctx.db, organisationId, athleteId, {
        at: input.at,
        items: [...input.items],
        total,
        completedById: userId,
        idempotencyKey: input.idempotencyKey,
        createdAt: ctx.now,
      });
      if (!created) assertSameSubmission(response, { at: input.at, items: [...input.items] });
      // A physio completing it with the athlete is a clinical write (athletes' own are not audited).
      if (created) {
        await recordAudit(ctx.db, ctx.actor, ctx.now, [{ athleteId, action: "write", entity: "visa_h_response", entityId: response.id, detail: `Completed VISA-H with the athlete: ${total}/100` }]);
      }
      // Inline: the form shows the new VISA-H summary at once.
      const assessment = (await afterClinicalWrite(ctx.db, organisationId, [athleteId], ctx.now, { feedbackFor: athleteId })).get(athleteId);
      return { response, created, total: response.total, summary: assessment?.visaH ?? null };
    }),

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
