import { z } from "zod";
import { buildHandoverReport } from "../services/handover-report";
import { procedureFor, router } from "../trpc";

export const reportsRouter = router({
  /**
   * The handover report's content (the web app renders it as a PDF): the clinical record for a
   * physio, the coach-safe projection for a coach. Each call is audited as a download.
   */
  handover: procedureFor("report.handover")
    .input(z.object({ athleteId: z.uuid({ error: "athleteId must be an id" }) }))
    .query(({ ctx, input }) => buildHandoverReport(ctx.db, ctx.actor, input.athleteId, ctx.now)),
});
