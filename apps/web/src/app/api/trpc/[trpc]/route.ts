import { createApiHandler } from "@loadline/api/http";
import { createContext } from "@/server/trpc-context";

// Cross-site refusal, body and batch limits and no-store live in the handler (packages/api/src/http);
// error details are logged by the API's error mapping under the request id the answer names.
const handler = createApiHandler({ endpoint: "/api/trpc", createContext });

export { handler as GET, handler as POST };
