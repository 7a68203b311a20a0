import { z } from "zod";
import { idempotencyKeySchema, logWindowSchema, resolveLogWindow, runLogInputSchema, sessionLogInputSchema, DomainError } from "@loadline/domain";
import { getSessionLog, listLogRevisions, listSessionLogs, readClubCalendar } from "@loadline/db";
import { deleteOwnLog, logOwnRun, logOwnSession, presentLog as present, updateOwnRun, updateOwnSession } from "../services/athlete-logs";
import { ownAthleteId } from "../services/athlete-logging";
import { procedureFor, router } from "../trpc";

const logId = z.object({ id: z.uuid("id must be a log id") });
const withKey = z.object({ idempotencyKey: idempotencyKeySchema });

/**
 * Session and run logs of the signed-in athlete. The athlete id always comes from the session;
 * every write re-assesses the athlete and returns the engine's verdict at once.
 */
export const athleteLogsRouter = router({
  logSession: procedureFor("athleteLog.writeOwn")
    .input(withKey.and(sessionLogInputSchema))
    .mutation(({ ctx, input }) => logOwnSession(ctx.db, ctx.actor, ctx.now, input)),

  logRun: procedureFor("athleteLog.writeOwn")
    .input(withKey.and(runLogInputSchema))
    .mutation(({ ctx, input }) => logOwnRun(ctx.db, ctx.actor, ctx.now, input)),

  updateSession: procedureFor("athleteLog.writeOwn")
    .input(logId.and(sessionLogInputSchema))
    .mutation(({ ctx, input }) => updateOwnSession(ctx.db, ctx.actor, ctx.now, input.id, input)),

  updateRun: procedureFor("athleteLog.writeOwn")
    .input(logId.and(runLogInputSchema))
    .mutation(({ ctx, input }) => updateOwnRun(ctx.db, ctx.actor, ctx.now, input.id, input)),

  delete: procedureFor("athleteLog.writeOwn")
    .input(logId)
    .mutation(({ ctx, input }) => deleteOwnLog(ctx.db, ctx.actor, ctx.now, input.id)),

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
