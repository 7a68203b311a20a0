import { z } from "zod";
import { idempotencyKeySchema, logWindowSchema, resolveLogWindow, runLogInputSchema, sessionLogInputSchema, withinEditWindow, DomainError } from "@loadline/domain";
import {
  createSessionLog,
  deleteSessionLog,
  getSessionLog,
  listLogRevisions,
  listSessionLogs,
  readClubCalendar,
  updateSessionLog,
  type SessionLogRow,
} from "@loadline/db";
import { ownWriteWithFeedback } from "../services/athlete-feedback";
import { assertEditable, assertNotFuture, assertSameSubmission, ownAthleteId, runValues, sessionValues } from "../services/athlete-logging";
import { procedureFor, router } from "../trpc";

const logId = z.object({ id: z.uuid("id must be a log id") });
const withKey = z.object({ idempotencyKey: idempotencyKeySchema });

/** A log as the athlete's pages show it, with whether it can still be changed. */
function present(row: SessionLogRow, now: Date) {
  return { ...row, editable: row.deletedAt === null && withinEditWindow(row.createdAt, now) };
}

/**
 * Session and run logs of the signed-in athlete. The athlete id always comes from the session;
 * every write re-assesses the athlete and returns the engine's verdict at once.
 */
export const athleteLogsRouter = router({
  logSession: procedureFor("athleteLog.writeOwn")
    .input(withKey.and(sessionLogInputSchema))
    .mutation(async ({ ctx, input }) => {
      const athleteId = ownAthleteId(ctx.actor);
      const { organisationId, userId } = ctx.actor;
      assertNotFuture(input.at, ctx.now);
      const { result, feedback } = await ownWriteWithFeedback(ctx.db, organisationId, athleteId, ctx.now, async (plan) => {
        const values = sessionValues(input, plan);
        const { log, created } = await createSessionLog(ctx.db, organisationId, athleteId, input.idempotencyKey, values, userId, ctx.now);
        if (!created) assertSameSubmission(log, values);
        return { result: { log, created }, change: created ? { kind: "session", id: log.id, row: log } : null, record: log, newRecord: created };
      });
      return { log: present(result.log, ctx.now), created: result.created, feedback };
    }),

  logRun: procedureFor("athleteLog.writeOwn")
    .input(withKey.and(runLogInputSchema))
    .mutation(async ({ ctx, input }) => {
      const athleteId = ownAthleteId(ctx.actor);
      const { organisationId, userId } = ctx.actor;
      assertNotFuture(input.at, ctx.now);
      const { result, feedback } = await ownWriteWithFeedback(ctx.db, organisationId, athleteId, ctx.now, async () => {
        const values = runValues(input);
        const { log, created } = await createSessionLog(ctx.db, organisationId, athleteId, input.idempotencyKey, values, userId, ctx.now);
        if (!created) assertSameSubmission(log, values);
        return { result: { log, created }, change: created ? { kind: "session", id: log.id, row: log } : null, record: log, newRecord: created };
      });
      return { log: present(result.log, ctx.now), created: result.created, feedback };
    }),

  updateSession: procedureFor("athleteLog.writeOwn")
    .input(logId.and(sessionLogInputSchema))
    .mutation(async ({ ctx, input }) => {
      const athleteId = ownAthleteId(ctx.actor);
      const { organisationId, userId } = ctx.actor;
      const existing = await getSessionLog(ctx.db, organisationId, athleteId, input.id);
      assertEditable(existing, ctx.now);
      if (existing.type === "run") throw new DomainError("invalid", "This log is a run: edit it as a run.");
      assertNotFuture(input.at, ctx.now);
      const { result: log, feedback } = await ownWriteWithFeedback(ctx.db, organisationId, athleteId, ctx.now, async (plan) => {
        const log = await updateSessionLog(ctx.db, organisationId, athleteId, input.id, sessionValues(input, plan), userId, ctx.now);
        if (!log) throw new DomainError("not_found", "This log does not exist or was deleted.");
        return { result: log, change: { kind: "session", id: log.id, row: log }, record: log };
      });
      return { log: present(log, ctx.now), feedback };
    }),

  updateRun: procedureFor("athleteLog.writeOwn")
    .input(logId.and(runLogInputSchema))
    .mutation(async ({ ctx, input }) => {
      const athleteId = ownAthleteId(ctx.actor);
      const { organisationId, userId } = ctx.actor;
      const existing = await getSessionLog(ctx.db, organisationId, athleteId, input.id);
      assertEditable(existing, ctx.now);
      if (existing.type !== "run") throw new DomainError("invalid", "This log is not a run.");
      assertNotFuture(input.at, ctx.now);
      const { result: log, feedback } = await ownWriteWithFeedback(ctx.db, organisationId, athleteId, ctx.now, async () => {
        const log = await updateSessionLog(ctx.db, organisationId, athleteId, input.id, runValues(input), userId, ctx.now);
        if (!log) throw new DomainError("not_found", "This log does not exist or was deleted.");
        return { result: log, change: { kind: "session", id: log.id, row: log }, record: log };
      });
      return { log: present(log, ctx.now), feedback };
    }),

  delete: procedureFor("athleteLog.writeOwn")
    .input(logId)
    .mutation(async ({ ctx, input }) => {
      const athleteId = ownAthleteId(ctx.actor);
      const { organisationId, userId } = ctx.actor;
      assertEditable(await getSessionLog(ctx.db, organisationId, athleteId, input.id), ctx.now);
      const { result: deleted, feedback } = await ownWriteWithFeedback(ctx.db, organisationId, athleteId, ctx.now, async () => {
        const deleted = await deleteSessionLog(ctx.db, organisationId, athleteId, input.id, userId, ctx.now);
        if (!deleted) throw new DomainError("not_found", "This log does not exist or was deleted.");
        return { result: deleted, change: { kind: "session", id: deleted.id, row: null }, record: null };
      });
      return { id: deleted.id, feedback };
    }),

  /** The athlete's recent logs, newest first (default: the last 14 days). */
  list: procedureFor("athleteLog.readOwn")
    .input(logWindowSchema.default({ days: 14 }))
    .query(async ({ ctx, input }) => {
      const athleteId = ownAthleteId(ctx.actor);
      // A from-to range is of the club's calendar days, as the rest of the athlete's pages show them.
      const { timeZone } = await readClubCalendar(ctx.db, ctx.actor.organisationId);
      const window = resolveLogWindow(input, ctx.now, timeZone, 14);
      const rows = await listSessionLogs(ctx.db, ctx.actor.organisationId, athleteId, window.since, window.until ?? undefined);
      return rows.map((row) => present(row, ctx.now));
    }),

  /** One of the athlete's logs, for the edit form. */
  get: procedureFor("athleteLog.readOwn")
    .input(logId)
    .query(async ({ ctx, input }) => {
      const row = await getSessionLog(ctx.db, ctx.actor.organisationId, ownAthleteId(ctx.actor), input.id);
      if (!row || row.deletedAt) throw new DomainError("not_found", "This log does not exist or was deleted.");
      return present(row, ctx.now);
    }),

  /** Every saved version of one of the athlete's session logs or check-ins. */
  history: procedureFor("athleteLog.readOwn")
    .input(z.object({ kind: z.enum(["session", "check_in", "visa_h"]), id: z.uuid("id must be a log id") }))
    .query(async ({ ctx, input }) => {
      const rows = await listLogRevisions(ctx.db, ctx.actor.organisationId, ownAthleteId(ctx.actor), input.kind, input.id);
      // A change by someone else than the athlete is their physio's correction, with its reason.
      return rows.map((r) => ({ id: r.id, action: r.action, changedAt: r.changedAt, data: r.data, byPhysio: r.changedById !== ctx.actor.userId, reason: r.reason }));
    }),
});
