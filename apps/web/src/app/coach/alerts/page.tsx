import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { AlertsInbox } from "./alerts-inbox";
import { statusOf } from "./status";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const status = statusOf(typeof params.status === "string" ? params.status : undefined);
  await prefetch(trpc.alerts.list.queryOptions({ status }));
  return (
    <HydrateClient>
      <PageHeader
        title="Alerts"
        description="New amber and red flags across your squads. Escalations show as “medical review needed”; the physio holds the detail. Acknowledge with a note on what you did."
      />
      <Suspense>
        <AlertsInbox status={status} />
      </Suspense>
    </HydrateClient>
  );
}
