"use client";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { ReactNode } from "react";
import type { AppRouter } from "@loadline/api";
import { makeQueryClient } from "./query-client";
import { getTRPCClient } from "./client";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

/** Refetch every query of this tab's cache, when one exists (after the offline queue has sent). */
export function invalidateAllQueries(): void {
  void browserQueryClient?.invalidateQueries();
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
