import { z } from "zod";
import { assertDateInRange, calendarDateInput, clubWeek, middayOfLocalDay, squadSessionInputSchema } from "@loadline/domain";
import { readClubCalendar, listBoardAthletes, listSquadSessions } from "@loadline/db";
import { preflightVerdicts } from "../services/coach-board";
import { assertOwnSquad, createPlannedSession, removePlannedSession, updatePlannedSession } from "../services/squad-planner";
import { procedureFor, router } from "../trpc";

const sessionFields = squadSessionInputSchema;

export const plannerRouter = router({
  /** One squad's week: planned sessions, the squad's athletes and each one's pre-flight verdict. */
  week: procedureFor("board.read")
    .input(z.object({ squadId: z.uuid("Choose a squad"), weekOf: calendarDateInput("Week").optional() }))
    .query(async ({ ctx, input }) => {
      const { organisationId } = ctx.actor;
      await assertOwnSquad(ctx.db, organisationId, input.squadId);
      // The club's week, from its start day at 00:00 in its zone (167-169 h across a clock change),
      // around the chosen day as the club reads it (any day of the week).
      const club = await readClubCalendar(ctx.db, organisationId);
      const calendar = { timeZone: club.timeZone, locale: club.locale, weekStartsOn: club.weekStartsOn };
      const anchor = input.weekOf ? middayOfLocalDay(input.weekOf, club.timeZone) : ctx.now;
      if (input.weekOf) assertDateInRange(anchor, ctx.now, "weekOf", "planned", "Week");
      const { start: from, end: to } = clubWeek(anchor, calendar);
      const [sessions, athletes] = await Promise.all([
        listSquadSessions(ctx.db, organisationId, [input.squadId], from, to),
        listBoardAthletes(ctx.db, organisationId, [input.squadId]),
      ]);
      const planned = sessions;
      const { verdicts, unassessed } = await preflightVerdicts(ctx.db, organisationId, athletes, planned, ctx.now);
      return {
        calendar,
        weekStart: from,
        weekEnd: to,
        sessions: planned,
        athletes: athletes.map((a) => ({ id: a.id, name: a.name, eventOrSport: a.eventOrSport })),
        verdicts,
        unassessed,
      };
    }),

  create: procedureFor("squadPlan.write")
    .input(sessionFields)
    .mutation(({ ctx, input }) => createPlannedSession(ctx.db, ctx.actor, ctx.now, input)),

  update: procedureFor("squadPlan.write")
    .input(sessionFields.extend({ id: z.uuid("Unknown session") }))
    .mutation(({ ctx, input }) => updatePlannedSession(ctx.db, ctx.actor, ctx.now, input)),

  remove: procedureFor("squadPlan.write")
    .input(z.object({ id: z.uuid("Unknown session") }))
    .mutation(({ ctx, input }) => removePlannedSession(ctx.db, ctx.actor, ctx.now, input.id)),
});
