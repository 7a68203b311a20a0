import { listRoster } from "@loadline/db";
import { procedureFor, router } from "../trpc";

/**
 * The physio's caseload. Until injury episodes exist (physio workflows issue) every active
 * athlete of the club is on it.
 */
export const caseloadRouter = router({
  list: procedureFor("caseload.read").query(({ ctx }) => listRoster(ctx.db, ctx.actor.organisationId)),
});
