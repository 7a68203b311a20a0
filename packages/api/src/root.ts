import { caseloadRouter } from "./routers/caseload";
import { inviteRouter } from "./routers/invite";
import { meRouter } from "./routers/me";
import { rosterRouter } from "./routers/roster";
import { staffRouter } from "./routers/staff";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  roster: rosterRouter,
  staff: staffRouter,
  invite: inviteRouter,
  me: meRouter,
  caseload: caseloadRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
