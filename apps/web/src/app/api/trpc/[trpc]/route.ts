import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@loadline/api";
import { createContext } from "@/server/trpc-context";

// Error details are logged by the API's error mapping, under the request id the answer names.
const handler = (req: Request) =>
  fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createContext() });

export { handler as GET, handler as POST };
