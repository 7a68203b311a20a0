import { procedureFor, router } from "../trpc";
import { buildCaseload } from "../services/caseload";

/**
 * The physio's caseload: athletes with an open injury episode, escalations first. Sorting and
 * filtering happen in the page (a caseload is tens of athletes), so one list serves all views.
 */
export const caseloadRouter = router({
  list: procedureFor("caseload.read").query(({ ctx }) => buildCaseload(ctx.db, ctx.actor.organisationId, ctx.now)),
});
