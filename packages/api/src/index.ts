export { appRouter, createCaller, type AppRouter } from "./root";
export { createRequestContext, type Context } from "./context";
export type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
export * from "./jobs";
export { createClubWithOwnerLink, type OwnerSetupLink } from "./services/clubs";
export { smtpMailer, type Mailer } from "./email";
export type { HandoverReport, CoachHandover, PhysioHandover } from "./services/handover-report";
export { calendarFeedForToken } from "./services/calendar-feeds";
