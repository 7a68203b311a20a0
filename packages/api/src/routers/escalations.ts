import { z } from "zod";
import { listEscalations } from "@loadline/db";
import { plainText } from "@loadline/domain";
import { recordAudit } from "../services/audit";
import { acknowledgeEscalationAlert, resolveEscalationAlert } from "../services/escalations";
import { procedureFor, router } from "../trpc";

const alertId = z.uuid({ error: "alertId must be an id" });

export const escalationsRouter = router({
  /** The physio's queue: red-flag answers and R19/R20 flags, with the evidence (physio only). */
  list: procedureFor("escalation.manage")
    .input(z.object({ includeResolved: z.boolean().default(false), athleteId: z.uuid().optional() }).default({ includeResolved: false }))
    .query(async ({ ctx, input }) => {
      const rows = await listEscalations(ctx.db, ctx.actor.organisationId, {
        includeResolved: input.includeResolved,
        ...(input.athleteId ? { athleteId: input.athleteId } : {}),
      });
      const athleteIds = [...new Set(rows.map((r) => r.athleteId))];
      await recordAudit(
        ctx.db,
        ctx.actor,
        ctx.now,
        athleteIds.map((id) => ({ athleteId: id, action: "read" as const, entity: "alert", detail: "Viewed escalations" })),
        ctx.pageViewId ?? null,
      );
      return rows;
    }),

  /**
   * Open escalations without clinical detail, for the coach board: who needs a medical review,
   * since when, and whether the physio has seen it. Never the evidence or red-flag answers.
   */
  summary: procedureFor("escalation.readSummary").query(async ({ ctx }) => {
    const rows = await listEscalations(ctx.db, ctx.actor.organisationId);
    return rows.map((r) => ({
      id: r.id,
      athleteId: r.athleteId,
      athleteName: r.athleteName,
      ruleId: r.ruleId,
      severity: r.severity,
      message: r.sensitive ? "Medical review needed" : r.message,
      raisedAt: r.raisedAt,
      acknowledged: r.acknowledgedAt !== null,
    }));
  }),

  acknowledge: procedureFor("escalation.manage")
    .input(z.object({ alertId, note: plainText("note", { max: 1000, multiline: true }).default("") }))
    .mutation(({ ctx, input }) => acknowledgeEscalationAlert(ctx.db, ctx.actor, ctx.now, input.alertId, input.note)),

  /** Resolve with a note. For R4/R19/R20 this also records a physio review, which lifts the engine's block. */
  resolve: procedureFor("escalation.manage")
    .input(z.object({ alertId, note: plainText("note", { max: 1000, multiline: true }).pipe(z.string().min(1, "note is required: how was it resolved?")) }))
    .mutation(({ ctx, input }) => resolveEscalationAlert(ctx.db, ctx.actor, ctx.now, input.alertId, input.note)),
});
