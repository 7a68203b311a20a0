import { z } from "zod";
import {
  ACKNOWLEDGED_ALERT_ARCHIVE_DAYS,
  alertStatus,
  coachMayAcknowledge,
  coachMayResolve,
  coachSafeMessage,
  plainText,
  retiredAlertSentence,
  ruleIds,
  startOfNextLocalDay,
  zonedTimeToInstant,
} from "@loadline/domain";
import { countNewAlerts, listAlerts, listBoardAthletes, readClubCalendar, type Database } from "@loadline/db";
import { readAssessments } from "../services/assessments";
import { acknowledgeAlertsInBulk, acknowledgeOneAlert, resolveAlertAsCoach } from "../services/alerts";
import { procedureFor, router } from "../trpc";

const DAY_MS = 86_400_000;

/**
 * Athletes of the coach's squads. Their stale snapshots are queued for re-assessment on the way:
 * time alone can raise a flag (a rolling window moves), and the worker records its alert. A
 * fixed number of queries; nothing is computed here.
 */
async function currentAthletes(db: Database, organisationId: string, squadIds: string[] | undefined, now: Date) {
  const athletes = await listBoardAthletes(db, organisationId, squadIds);
  await readAssessments(db, organisationId, athletes.map((a) => a.id), now);
  return athletes;
}

/** The squads named by a squad filter (one, several or both), or every squad when none. */
function squadScope(input: { squadId?: string | undefined; squadIds?: string[] | undefined }): string[] | undefined {
  const ids = [...(input.squadId ? [input.squadId] : []), ...(input.squadIds ?? [])];
  return ids.length > 0 ? ids : undefined;
}

const day = (field: string) => z.iso.date({ error: `${field} must be a date` });
const noteOf = (max: number) => plainText("note", { max, multiline: true }).pipe(z.string().min(1, "Write a short note about what you did"));

/** The start of a club day (YYYY-MM-DD) in its time zone. */
function startOfClubDay(dayText: string, timeZone: string): Date {
  const [year, month, date] = dayText.split("-").map(Number) as [number, number, number];
  return new Date(zonedTimeToInstant(year, month, date, 0, 0, timeZone));
}

export const alertsRouter = router({
  /**
   * The coach's inbox: amber, red and escalation alerts, coach-safe (escalations say "medical
   * review needed"), by status, squad and the club days they were raised on. Each item carries
   * what the coach may do with it and, once retired, why.
   */
  list: procedureFor("alerts.read")
    .input(
      z
        .object({
          status: z
            .enum(["new", "acknowledged", "archived", "closed", "all"], { error: "Show must be new, acknowledged, archived, closed or all" })
            .default("new"),
          squadId: z.uuid("Unknown squad").optional(),
          /** Several squads (the coach's own); with `squadId` too, the athletes of any of them. */
          squadIds: z.array(z.uuid("Unknown squad")).max(50, "Choose at most 50 squads").optional(),
          from: day("From").optional(),
          to: day("To").optional(),
        })
        .refine((i) => !i.from || !i.to || i.from <= i.to, { message: "To must be on or after From", path: ["to"] })
        .default({ status: "new" }),
    )
    .query(async ({ ctx, input }) => {
      const { organisationId } = ctx.actor;
      const athletes = await currentAthletes(ctx.db, organisationId, squadScope(input), ctx.now);
      const squadsOf = new Map(athletes.map((a) => [a.id, a.squads]));
      const { timeZone } = await readClubCalendar(ctx.db, organisationId);
      const rows = await listAlerts(ctx.db, organisationId, [...squadsOf.keys()], {
        status: input.status,
        archiveBefore: new Date(ctx.now.getTime() - ACKNOWLEDGED_ALERT_ARCHIVE_DAYS * DAY_MS),
        ...(input.from ? { from: startOfClubDay(input.from, timeZone) } : {}),
        ...(input.to ? { to: new Date(startOfNextLocalDay(startOfClubDay(input.to, timeZone).getTime(), timeZone)) } : {}),
      });
      return rows.flatMap((row) => {
        const safe = coachSafeMessage(row);
        if (!safe) return [];
        const status = alertStatus(row);
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
            status,
            raisedAt: row.raisedAt,
            /** When its cause happened (the session it belongs to); shown beside "raised". */
            causeAt: row.causeAt,
            acknowledgedAt: row.acknowledgedAt,
            acknowledgedByName: row.acknowledgedByName,
            // An escalation is the physio's: their notes answer the red flag and are clinical.
            acknowledgeNote: safe.medicalReview ? null : row.acknowledgeNote,
            resolvedAt: row.resolvedAt,
            resolvedByName: row.resolvedByName,
            resolutionNote: safe.medicalReview ? null : row.resolutionNote,
            retiredAt: row.retiredAt,
            retiredSentence: status === "retired" ? retiredAlertSentence(row.ruleId) : null,
            canAcknowledge: status === "new" && coachMayAcknowledge(row),
            canResolve: (status === "new" || status === "acknowledged") && coachMayResolve(row),
          },
        ];
      });
    }),

  /** Open alerts (not acknowledged, resolved or retired) by severity, for the navigation badge. */
  counts: procedureFor("alerts.read").query(async ({ ctx }) => {
    const { organisationId } = ctx.actor;
    const athletes = await currentAthletes(ctx.db, organisationId, undefined, ctx.now);
    const counts = await countNewAlerts(ctx.db, organisationId, athletes.map((a) => a.id));
    return { ...counts, total: counts.amber + counts.red + counts.escalate };
  }),

  acknowledge: procedureFor("alerts.acknowledge")
    .input(z.object({ alertId: z.uuid("Unknown alert"), note: noteOf(500) }))
    .mutation(({ ctx, input }) => acknowledgeOneAlert(ctx.db, ctx.actor, ctx.now, input)),

  /** Acknowledge all new alerts of an athlete, of a rule, or all (of a squad), with one note. */
  acknowledgeMany: procedureFor("alerts.acknowledge")
    .input(
      z.object({
        note: noteOf(500),
        athleteId: z.uuid("Unknown athlete").optional(),
        ruleId: z.enum(ruleIds, { error: "Unknown rule" }).optional(),
        squadId: z.uuid("Unknown squad").optional(),
        squadIds: z.array(z.uuid("Unknown squad")).max(50, "Choose at most 50 squads").optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      acknowledgeAlertsInBulk(ctx.db, ctx.actor, ctx.now, {
        note: input.note,
        ...(input.athleteId ? { athleteId: input.athleteId } : {}),
        ...(input.ruleId ? { ruleId: input.ruleId } : {}),
        ...(squadScope(input) ? { squadIds: squadScope(input) } : {}),
      }),
    ),

  /** Resolve a non-clinical alert (load, spacing, planning) with a note; clinical ones are the physio's. */
  resolve: procedureFor("alerts.resolve")
    .input(z.object({ alertId: z.uuid("Unknown alert"), note: noteOf(1000) }))
    .mutation(({ ctx, input }) => resolveAlertAsCoach(ctx.db, ctx.actor, ctx.now, input)),
});
