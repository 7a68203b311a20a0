import { z } from "zod";
import { exportAthleteRecord, exportBoard, exportOwnLogs, exportRoster, exportSquadLoad } from "../services/exports";
import { procedureFor, router } from "../trpc";

const squadIds = z.array(z.uuid("Unknown squad")).max(50, "Choose at most 50 squads").optional();

/** CSV exports: each answers `{ filename, csv }`; the web app serves it as a download. */
export const exportsRouter = router({
  roster: procedureFor("export.staff").query(({ ctx }) => exportRoster(ctx.db, ctx.actor, ctx.now)),

  board: procedureFor("export.staff")
    .input(z.object({ squadIds }).default({}))
    .query(({ ctx, input }) => exportBoard(ctx.db, ctx.actor, input.squadIds, ctx.now)),

  squadLoad: procedureFor("export.staff")
    .input(z.object({ squadIds, weeks: z.number().int("weeks must be a whole number").min(1, "weeks must be 1 to 52").max(52, "weeks must be 1 to 52").default(12) }).default({ weeks: 12 }))
    .query(({ ctx, input }) => exportSquadLoad(ctx.db, ctx.actor, input, ctx.now)),

  athleteRecord: procedureFor("export.clinical")
    .input(z.object({ athleteId: z.uuid({ error: "athleteId must be an id" }) }))
    .query(({ ctx, input }) => exportAthleteRecord(ctx.db, ctx.actor, input.athleteId, ctx.now)),

  myLogs: procedureFor("athleteLog.readOwn")
    .input(z.object({ kind: z.enum(["sessions", "check-ins"], { error: "kind must be sessions or check-ins" }) }))
    .query(({ ctx, input }) => exportOwnLogs(ctx.db, ctx.actor, input.kind, ctx.now)),
});
