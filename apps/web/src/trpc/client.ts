import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@loadline/api";
import { currentPageView, PAGE_VIEW_HEADER } from "./page-view";

function makeTRPCClient() {
  return createTRPCClient<AppRouter>({
    // maxItems matches the server's batch limit (MAX_BATCH_SIZE), so the app never trips it.
    links: [
      httpBatchLink({
        url: "/api/trpc",
        transformer: superjson,
        maxItems: 10,
        headers: () => {
          const pageView = currentPageView();
          return pageView ? { [PAGE_VIEW_HEADER]: pageView } : {};
        },
      }),
    ],
  });
}

export type BrowserTRPCClient = ReturnType<typeof makeTRPCClient>;

let browserTRPCClient: BrowserTRPCClient | undefined;

/**
 * The tRPC client without React: one per browser tab (shared with `TRPCReactProvider`), a new
 * one per server render. Code that sends without rendering (the offline queue) imports this
 * module only when it sends, so the pages around it do not ship the API client.
 */
export function getTRPCClient(): BrowserTRPCClient {
  if (typeof window === "undefined") return makeTRPCClient();
  return (browserTRPCClient ??= makeTRPCClient());
}
