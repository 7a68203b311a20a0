"use client";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "@loadline/api";
import { makeQueryClient } from "./query-client";
import { currentPageView, PAGE_VIEW_HEADER } from "./page-view";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

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

let browserTRPCClient: ReturnType<typeof makeTRPCClient> | undefined;
function getTRPCClient() {
  if (typeof window === "undefined") return makeTRPCClient();
  return (browserTRPCClient ??= makeTRPCClient());
}

/**
 * The query cache and tRPC client for the client components below. Placed where they are used
 * (every `HydrateClient`, the pages whose forms call the API, the notifications menu), not in the
 * root layout, so a page that renders on the server alone (the athlete's Today) ships none of it.
 * In the browser every instance shares one cache and one client, so nesting costs nothing.
 */
export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const trpcClient = getTRPCClient();
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
