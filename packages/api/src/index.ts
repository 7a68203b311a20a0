export { appRouter, createCaller, type AppRouter } from "./root";
export { createRequestContext, type Context } from "./context";
export type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
export * from "./jobs";
export { readiness, type Readiness, type Check } from "./health";
export { childLogger, jsonLogger, type Logger } from "./logger";
export { metricsAuthorized, metricsText } from "./metrics";
export { startTelemetry } from "./telemetry";
