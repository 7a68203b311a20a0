import { z } from "zod";
import { checkInCorrectionSchema, logCorrectionSchema, withLogWindow } from "@loadline/domain";
import { athleteRecords, correctAthleteCheckIn, correctAthleteLog } from "../services/athlete-records";
import { procedureFor, router } from "../trpc";

/** The physio's view of what an athlete logged (read-only here; the athlete's own forms write it). */
export const athleteRecordsRouter = router({
  get: procedureFor("episode.read")
    .input(withLogWindow({ athleteId: z.uuid({ error: "athleteId must be an id" }) }))
    .query(({ ctx, input }) => athleteRecords(ctx.db, ctx.actor, ctx.now, input.athleteId, input)),

  /** Correct a session's or run's figures with a reason (kept in the log's history the athlete sees). */
  correctLog: procedureFor("episode.write")
    .input(z.object({ athleteId: z.uuid({ error: "athleteId must be an id" }), logId: z.uuid({ error: "logId must be a log id" }), correction: logCorrectionSchema }))
    .mutation(({ ctx, input }) => correctAthleteLog(ctx.db, ctx.actor, ctx.now, input.athleteId, input.logId, input.correction)),

  /** Correct a morning check-in's pains with a reason (kept in its history the athlete sees). */
  correctCheckIn: procedureFor("episode.write")
    .input(z.object({ athleteId: z.uuid({ error: "athleteId must be an id" }), checkInId: z.uuid({ error: "checkInId must be a check-in id" }), correction: checkInCorrectionSchema }))
    .mutation(({ ctx, input }) => correctAthleteCheckIn(ctx.db, ctx.actor, ctx.now, input.athleteId, input.checkInId, input.correction)),
});
