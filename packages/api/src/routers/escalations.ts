import { z } from "zod";
import { acknowledgeEscalation, getEscalationAlert, insertClinicianReview, listEscalations, resolveEscalation } from "@loadline/db";
import { plainText, DomainError } from "@loadline/domain";
import { afterClinicalWrite } from "../services/assessments";
import { recordAudit } from "../services/audit";
import { procedureFor, router } from "../trpc";

const alertId = z.uuid({ error: "alertId must be an id" });
/** Rules whose block a physio review clears in the engine (R4, R19, R20). */
const reviewableRules = new Set(["R4", "R19", "R20"]);

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
    .mutation(async ({ ctx, input }) => {
      const alert = await getEscalationAlert(ctx.db, ctx.actor.organisationId, input.alertId);
      if (!alert) throw new DomainError("not_found", "No such escalation in your club.");
      const row = await acknowledgeEscalation(ctx.db, ctx.actor.organisationId, alert.id, { userId: ctx.actor.userId, note: input.note.trim(), at: ctx.now });
      if (!row) throw new DomainError("conflict", "This escalation is already resolved, or no longer raised.");
      await recordAudit(ctx.db, ctx.actor, ctx.now, [
        { athleteId: alert.athleteId, action: "write", entity: "alert", entityId: alert.id, detail: `Acknowledged ${alert.ruleId}` },
      ]);
      return row;
    }),

  /** Resolve with a note. For R4/R19/R20 this also records a physio review, which lifts the engine's block. */
  resolve: procedureFor("escalation.manage")
    .input(z.object({ alertId, note: plainText("note", { max: 1000, multiline: true }).pipe(z.string().min(1, "note is required: how was it resolved?")) }))
    .mutation(async ({ ctx, input }) => {
      const alert = await getEscalationAlert(ctx.db, ctx.actor.organisationId, input.alertId);
      if (!alert) throw new DomainError("not_found", "No such escalation in your club.");
      const row = await resolveEscalation(ctx.db, ctx.actor.organisationId, alert, { userId: ctx.actor.userId, note: input.note, at: ctx.now });
      if (!row) throw new DomainError("conflict", "This escalation is already resolved, or no longer raised.");
      if (reviewableRules.has(alert.ruleId)) {
        await insertClinicianReview(ctx.db, ctx.actor.organisationId, {
          athleteId: alert.athleteId,
          ruleId: alert.ruleId,
          reviewerId: ctx.actor.userId,
          note: input.note,
          at: ctx.now,
        });
      }
      await recordAudit(ctx.db, ctx.actor, ctx.now, [
        { athleteId: alert.athleteId, action: "write", entity: "alert", entityId: alert.id, detail: `Resolved ${alert.ruleId}: ${input.note.slice(0, 200)}` },
      ]);
      await afterClinicalWrite(ctx.db, ctx.actor.organisationId, [alert.athleteId], ctx.now);
      return row;
    }),
});
