import { z } from "zod";
import { coachSafeMessage, plainText, DomainError } from "@loadline/domain";
import { acknowledgeAlert, countNewAlerts, listAlerts, listBoardAthletes, type Database } from "@loadline/db";
import { readAssessments } from "../services/assessments";
import { procedureFor, router } from "../trpc";

/**
 * Athletes of the coach's squads. Their stale snapshots are queued for re-assessment on the way:
 * time alone can raise a flag (a rolling window moves), and the worker records its alert. A
 * fixed number of queries; nothing is computed here.
 */
async function currentAthletes(db: Database, organisationId: string, squadId: string | undefined, now: Date) {
  const athletes = await listBoardAthletes(db, organisationId, squadId ? [squadId] : undefined);
  await readAssessments(db, organisationId, athletes.map((a) => a.id), now);
  return athletes;
}

export const alertsRouter = router({
  /** The coach's inbox: amber, red and escalation alerts, coach-safe (escalations say "medical review needed"). */
  list: procedureFor("alerts.read")
    .input(
      z
        .object({
          status: z.enum(["new", "acknowledged", "all"], { error: "status must be new, acknowledged or all" }).default("new"),
          squadId: z.uuid("Unknown squad").optional(),
        })
        .default({ status: "new" }),
    )
    .query(async ({ ctx, input }) => {
      const { organisationId } = ctx.actor;
      const athletes = await currentAthletes(ctx.db, organisationId, input.squadId, ctx.now);
      const squadsOf = new Map(athletes.map((a) => [a.id, a.squads]));
      const rows = await listAlerts(ctx.db, organisationId, [...squadsOf.keys()], input.status);
      return rows.flatMap((row) => {
        const safe = coachSafeMessage(row);
        if (!safe) return [];
        return [
          {
            id: row.id,
            athleteId: row.athleteId,
            athleteName: row.athleteName,
            squads: squadsOf.get(row.athleteId) ?? [],
            ruleId: row.ruleId,
            severity: row.severity,
            message: safe.message,
            medicalReview: safe.medicalReview,
            raisedAt: row.raisedAt,
            acknowledgedAt: row.acknowledgedAt,
            acknowledgedByName: row.acknowledgedByName,
            // An escalation is the physio's: their note answers the red flag and is clinical.
            acknowledgeNote: safe.medicalReview ? null : row.acknowledgeNote,
          },
        ];
      });
    }),

  /** New (unacknowledged) alerts by severity, for the navigation badge. */
  counts: procedureFor("alerts.read").query(async ({ ctx }) => {
    const { organisationId } = ctx.actor;
    const athletes = await currentAthletes(ctx.db, organisationId, undefined, ctx.now);
    const counts = await countNewAlerts(ctx.db, organisationId, athletes.map((a) => a.id));
    return { ...counts, total: counts.amber + counts.red + counts.escalate };
  }),

  acknowledge: procedureFor("alerts.acknowledge")
    .input(
      z.object({
        alertId: z.uuid("Unknown alert"),
        note: plainText("note", { max: 500, multiline: true }).pipe(z.string().min(1, "Write a short note about what you did")),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { organisationId, userId } = ctx.actor;
      const result = await acknowledgeAlert(ctx.db, organisationId, input.alertId, userId, input.note, ctx.now);
      if (result === "not_found") throw new DomainError("not_found", "No such alert in your club.");
      if (result === "physio_owned") {
        throw new DomainError("forbidden", "Medical reviews are handled by the physio; this alert clears when they act on it.");
      }
      if (result === "closed") throw new DomainError("conflict", "This alert has already been acknowledged or resolved.");
      return { id: input.alertId };
    }),
});
