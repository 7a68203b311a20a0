export { appRouter, createCaller, type AppRouter } from "./root";
export type { Context } from "./context";
export type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
export * from "./jobs";
