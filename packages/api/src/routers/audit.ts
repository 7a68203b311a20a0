import { z } from "zod";
import { listAuditLog } from "@loadline/db";
import { auditActorName, SYSTEM_ACTOR_ID } from "@loadline/domain";
import { clinicalSubject } from "../services/audit";
import { procedureFor, router } from "../trpc";

export const auditRouter = router({
  /** Who read or wrote this athlete's clinical records, and when (physios only). */
  list: procedureFor("audit.read")
    .input(z.object({ athleteId: z.uuid({ error: "athleteId must be an id" }) }))
    .query(async ({ ctx, input }) => {
      const athlete = await clinicalSubject(ctx.db, ctx.actor, "audit.read", input.athleteId);
      const entries = await listAuditLog(ctx.db, ctx.actor.organisationId, athlete.id);
      return entries.map((e) => ({ ...e, actorName: auditActorName(e.actorId, e.actorName), actorRole: e.actorRole ?? (e.actorId === SYSTEM_ACTOR_ID ? "system" : "removed") }));
    }),
});
