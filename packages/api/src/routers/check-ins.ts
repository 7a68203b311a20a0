import { z } from "zod";
import { checkInInputSchema, idempotencyKeySchema, logWindowSchema, redFlagAdvice, resolveLogWindow, withinEditWindow, DomainError } from "@loadline/domain";
import { createCheckIn, deleteCheckIn, getCheckIn, listCheckIns, readClubCalendar, updateCheckIn, type CheckInRow } from "@loadline/db";
import { ownWriteWithFeedback } from "../services/athlete-feedback";
import { assertEditable, assertNotFuture, assertSameSubmission, checkInValues, ownAthleteId } from "../services/athlete-logging";
import { procedureFor, router } from "../trpc";

const checkInId = z.object({ id: z.uuid("id must be a check-in id") });

function present(row: CheckInRow, now: Date) {
  return { ...row, editable: row.deletedAt === null && withinEditWindow(row.createdAt, now) };
}

/** Morning check-ins of the signed-in athlete; red-flag answers come back with plain advice. */
export const checkInsRouter = router({
  create: procedureFor("athleteLog.writeOwn")
    .input(z.object({ idempotencyKey: idempotencyKeySchema }).and(checkInInputSchema))
    .mutation(async ({ ctx, input }) => {
      const athleteId = ownAthleteId(ctx.actor);
      const { organisationId, userId } = ctx.actor;
      assertNotFuture(input.at, ctx.now);
      const { result, feedback } = await ownWriteWithFeedback(ctx.db, organisationId, athleteId, ctx.now, async () => {
        const values = checkInValues(input);
        const { checkIn, created } = await createCheckIn(ctx.db, organisationId, athleteId, input.idempotencyKey, values, userId, ctx.now);
        if (!created) assertSameSubmission(checkIn, values);
        return { result: { checkIn, created }, change: created ? { kind: "check_in", id: checkIn.id, row: checkIn } : null, record: { id: checkIn.id }, newRecord: created };
      });
      const { checkIn, created } = result;
      return { checkIn: present(checkIn, ctx.now), created, feedback, redFlagAdvice: redFlagAdvice(checkIn.redFlags) };
    }),

  update: procedureFor("athleteLog.writeOwn")
    .input(checkInId.and(checkInInputSchema))
    .mutation(async ({ ctx, input }) => {
      const athleteId = ownAthleteId(ctx.actor);
      const { organisationId, userId } = ctx.actor;
      assertEditable(await getCheckIn(ctx.db, organisationId, athleteId, input.id), ctx.now);
      assertNotFuture(input.at, ctx.now);
      const { result: checkIn, feedback } = await ownWriteWithFeedback(ctx.db, organisationId, athleteId, ctx.now, async () => {
        const checkIn = await updateCheckIn(ctx.db, organisationId, athleteId, input.id, checkInValues(input), userId, ctx.now);
        if (!checkIn) throw new DomainError("not_found", "This check-in does not exist or was deleted.");
        return { result: checkIn, change: { kind: "check_in", id: checkIn.id, row: checkIn }, record: { id: checkIn.id } };
      });
      return { checkIn: present(checkIn, ctx.now), feedback, redFlagAdvice: redFlagAdvice(checkIn.redFlags) };
    }),

  delete: procedureFor("athleteLog.writeOwn")
    .input(checkInId)
    .mutation(async ({ ctx, input }) => {
      const athleteId = ownAthleteId(ctx.actor);
      const { organisationId, userId } = ctx.actor;
      assertEditable(await getCheckIn(ctx.db, organisationId, athleteId, input.id), ctx.now);
      const { result: deleted, feedback } = await ownWriteWithFeedback(ctx.db, organisationId, athleteId, ctx.now, async () => {
        const deleted = await deleteCheckIn(ctx.db, organisationId, athleteId, input.id, userId, ctx.now);
        if (!deleted) throw new DomainError("not_found", "This check-in does not exist or was deleted.");
        return { result: deleted, change: { kind: "check_in", id: deleted.id, row: null }, record: null };
      });
      return { id: deleted.id, feedback };
    }),

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
