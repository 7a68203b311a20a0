import { z } from "zod";
import { assertDateInRange, clubWeek, dateTimeInput, squadSessionInputSchema, DomainError } from "@loadline/domain";
import {
  readClubCalendar,
  countOwnSquads,
  createSquadSession,
  deleteSquadSession,
  getSquadSession,
  listBoardAthletes,
  listSquadSessions,
  updateSquadSession,
  type Database,
} from "@loadline/db";
import { fieldError } from "../errors";
import { afterClinicalWrite } from "../services/assessments";
import { preflightVerdicts } from "../services/coach-board";
import { procedureFor, router } from "../trpc";


const sessionFields = squadSessionInputSchema;

async function assertOwnSquad(db: Database, organisationId: string, squadId: string) {
  if ((await countOwnSquads(db, organisationId, [squadId])) !== 1) throw fieldError("squadId", "Choose a squad of your club");
}

/** Athletes of a squad: their assessments change when the squad's plan changes (R16). */
async function squadAthleteIds(db: Database, organisationId: string, squadIds: string[]): Promise<string[]> {
  return (await listBoardAthletes(db, organisationId, squadIds)).map((a) => a.id);
}

function notFound(): never {
  throw new DomainError("not_found", "No such planned session in your club.");
}


export const plannerRouter = router({
  /** One squad's week: planned sessions, the squad's athletes and each one's pre-flight verdict. */
  week: procedureFor("board.read")
    .input(z.object({ squadId: z.uuid("Choose a squad"), weekStart: dateTimeInput("weekStart").optional() }))
    .query(async ({ ctx, input }) => {
      const { organisationId } = ctx.actor;
      await assertOwnSquad(ctx.db, organisationId, input.squadId);
      if (input.weekStart) assertDateInRange(input.weekStart, ctx.now, "weekStart", "planned");
      // The club's week, from its start day at 00:00 in its zone (167-169 h across a clock change).
      const club = await readClubCalendar(ctx.db, organisationId);
      const calendar = { timeZone: club.timeZone, locale: club.locale, weekStartsOn: club.weekStartsOn };
      const { start: from, end: to } = clubWeek(input.weekStart ?? ctx.now, calendar);
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
    .mutation(async ({ ctx, input }) => {
      const { organisationId, userId } = ctx.actor;
      assertDateInRange(input.at, ctx.now, "at", "planned");
      await assertOwnSquad(ctx.db, organisationId, input.squadId);
      const created = await createSquadSession(ctx.db, organisationId, userId, input);
      await afterClinicalWrite(ctx.db, organisationId, await squadAthleteIds(ctx.db, organisationId, [input.squadId]), ctx.now);
      return created;
    }),

  update: procedureFor("squadPlan.write")
    .input(sessionFields.extend({ id: z.uuid("Unknown session") }))
    .mutation(async ({ ctx, input }) => {
      const { organisationId } = ctx.actor;
      const { id, ...values } = input;
      assertDateInRange(values.at, ctx.now, "at", "planned");
      const existing = (await getSquadSession(ctx.db, organisationId, id)) ?? notFound();
      await assertOwnSquad(ctx.db, organisationId, values.squadId);
      if (!(await updateSquadSession(ctx.db, organisationId, id, values))) notFound();
      const squads = [...new Set([existing.squadId, values.squadId])];
      await afterClinicalWrite(ctx.db, organisationId, await squadAthleteIds(ctx.db, organisationId, squads), ctx.now);
      return { id };
    }),

  remove: procedureFor("squadPlan.write")
    .input(z.object({ id: z.uuid("Unknown session") }))
    .mutation(async ({ ctx, input }) => {
      const { organisationId } = ctx.actor;
      const existing = (await getSquadSession(ctx.db, organisationId, input.id)) ?? notFound();
      await deleteSquadSession(ctx.db, organisationId, input.id);
      await afterClinicalWrite(ctx.db, organisationId, await squadAthleteIds(ctx.db, organisationId, [existing.squadId]), ctx.now);
      return { id: input.id };
    }),
});
