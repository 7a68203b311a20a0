import { z } from "zod";
import { checkInInputSchema, idempotencyKeySchema, logWindowSchema, resolveLogWindow, DomainError } from "@loadline/domain";
import { getCheckIn, listCheckIns, readClubCalendar } from "@loadline/db";
import { ownAthleteId } from "../services/athlete-logging";
import { createOwnCheckIn, deleteOwnCheckIn, presentCheckIn as present, updateOwnCheckIn } from "../services/check-ins";
import { procedureFor, router } from "../trpc";

const checkInId = z.object({ id: z.uuid("id must be a check-in id") });

/** Morning check-ins of the signed-in athlete; red-flag answers come back with plain advice. */
export const checkInsRouter = router({
  create: procedureFor("athleteLog.writeOwn")
    .input(z.object({ idempotencyKey: idempotencyKeySchema }).and(checkInInputSchema))
    .mutation(({ ctx, input }) => createOwnCheckIn(ctx.db, ctx.actor, ctx.now, input)),

  update: procedureFor("athleteLog.writeOwn")
    .input(checkInId.and(checkInInputSchema))
    .mutation(({ ctx, input }) => updateOwnCheckIn(ctx.db, ctx.actor, ctx.now, input.id, input)),

  delete: procedureFor("athleteLog.writeOwn")
    .input(checkInId)
    .mutation(({ ctx, input }) => deleteOwnCheckIn(ctx.db, ctx.actor, ctx.now, input.id)),

  list: procedureFor("athleteLog.readOwn")
    .input(logWindowSchema.default({ days: 14 }))
    .query(async ({ ctx, input }) => {
      const { timeZone } = await readClubCalendar(ctx.db, ctx.actor.organisationId);
      const window = resolveLogWindow(input, ctx.now, timeZone, 14);
      const rows = await listCheckIns(ctx.db, ctx.actor.organisationId, ownAthleteId(ctx.actor), window.since, window.until ?? undefined);
      return rows.map((row) => present(row, ctx.now));
    }),

  get: procedureFor("athleteLog.readOwn")
    .input(checkInId)
    .query(async ({ ctx, input }) => {
      const row = await getCheckIn(ctx.db, ctx.actor.organisationId, ownAthleteId(ctx.actor), input.id);
      if (!row || row.deletedAt) throw new DomainError("not_found", "This check-in does not exist or was deleted.");
      return present(row, ctx.now);
    }),
});
