import { caseloadRouter } from "./routers/caseload";
import { capacityTestsRouter } from "./routers/capacity-tests";
import { athleteRecordsRouter } from "./routers/athlete-records";
import { adjunctsRouter } from "./routers/adjuncts";
import { auditRouter } from "./routers/audit";
import { episodesRouter } from "./routers/episodes";
import { escalationsRouter } from "./routers/escalations";
import { exercisesRouter } from "./routers/exercises";
import { plansRouter } from "./routers/plans";
import { inviteRouter } from "./routers/invite";
import { accountRouter } from "./routers/account";
import { passwordResetRouter } from "./routers/password-reset";
import { meRouter } from "./routers/me";
import { rosterRouter } from "./routers/roster";
import { staffRouter } from "./routers/staff";
import { alertsRouter } from "./routers/alerts";
import { boardRouter } from "./routers/board";
import { gaitRouter } from "./routers/gait";
import { plannerRouter } from "./routers/planner";
import { athleteLogsRouter } from "./routers/athlete-logs";
import { checkInsRouter } from "./routers/check-ins";
import { visaHRouter } from "./routers/visa-h";
import { todayRouter } from "./routers/today";
import { progressRouter } from "./routers/progress";
import { setupRouter } from "./routers/setup";
import { clubRouter } from "./routers/club";
import { squadsRouter } from "./routers/squads";
import { emailChangeRouter } from "./routers/email-change";
import { operatorRouter } from "./routers/operator";
import { reportsRouter } from "./routers/reports";
import { exportsRouter } from "./routers/exports";
import { notesRouter, notificationsRouter } from "./routers/notes";
import { calendarRouter } from "./routers/calendar";
import { pushRouter } from "./routers/push";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  roster: rosterRouter,
  staff: staffRouter,
  invite: inviteRouter,
  passwordReset: passwordResetRouter,
  account: accountRouter,
  me: meRouter,
  caseload: caseloadRouter,
  episodes: episodesRouter,
  plans: plansRouter,
  exercises: exercisesRouter,
  adjuncts: adjunctsRouter,
  capacityTests: capacityTestsRouter,
  athleteRecords: athleteRecordsRouter,
  escalations: escalationsRouter,
  audit: auditRouter,
  board: boardRouter,
  planner: plannerRouter,
  alerts: alertsRouter,
  gait: gaitRouter,
  athleteLogs: athleteLogsRouter,
  checkIns: checkInsRouter,
  visaH: visaHRouter,
  today: todayRouter,
  progress: progressRouter,
  setup: setupRouter,
  club: clubRouter,
  squads: squadsRouter,
  emailChange: emailChangeRouter,
  operator: operatorRouter,
  reports: reportsRouter,
  exports: exportsRouter,
  notes: notesRouter,
  notifications: notificationsRouter,
  calendar: calendarRouter,
  push: pushRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
