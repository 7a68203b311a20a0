import "server-only";
import { dehydrate, HydrationBoundary, type FetchQueryOptions, type QueryKey } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cache, type ReactNode } from "react";
import { appRouter } from "@loadline/api";
import { createContext } from "@/server/trpc-context";
import { renderPageViewId } from "@/server/page-view";
import { makeQueryClient } from "./query-client";
import { TRPCReactProvider } from "./react";

/** One QueryClient per request on the server. */
export const getQueryClient = cache(makeQueryClient);

/** tRPC options straight over the router: server components prefetch with no HTTP hop. */
export const trpc = createTRPCOptionsProxy({ ctx: () => createContext(undefined, renderPageViewId()), router: appRouter, queryClient: getQueryClient });

/**
 * Fetch a query for the client components below. `fetchQuery` (not `prefetchQuery`) so a
 * refusal or a missing record surfaces on the server, where the page can answer 404.
 */
export function prefetch<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  options: FetchQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
): Promise<TData> {
  return getQueryClient().fetchQuery(options);
}

/** The server's prefetched queries for the client components below, with the client they need. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return (
    <TRPCReactProvider>
      <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>
    </TRPCReactProvider>
  );
}

