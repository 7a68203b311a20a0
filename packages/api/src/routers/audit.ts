import { z } from "zod";
import { listAuditLog } from "@loadline/db";
import { clinicalSubject } from "../services/audit";
import { procedureFor, router } from "../trpc";

export const auditRouter = router({
  /** Who read or wrote this athlete's clinical records, and when (physios only). */
  list: procedureFor("audit.read")
    .input(z.object({ athleteId: z.uuid({ error: "athleteId must be an id" }) }))
    .query(async ({ ctx, input }) => {
      const athlete = await clinicalSubject(ctx.db, ctx.actor, "audit.read", input.athleteId);
      return listAuditLog(ctx.db, ctx.actor.organisationId, athlete.id);
    }),
});
