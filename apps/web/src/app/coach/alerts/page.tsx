import type { Metadata } from "next";
import { Suspense } from "react";
import { ACKNOWLEDGED_ALERT_ARCHIVE_DAYS } from "@loadline/domain";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { serverCaller } from "@/trpc/caller";
import { AlertsInbox } from "./alerts-inbox";
import { readUrlState } from "@/lib/url-state";
import { inboxQueryOf, inboxUrl } from "./status";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const mine = await (await serverCaller()).squads.mine();
  const url = readUrlState(inboxUrl, { get: (key) => (typeof params[key] === "string" ? params[key] : undefined) });
  const query = inboxQueryOf(url, mine);
  await Promise.all([prefetch(trpc.alerts.list.queryOptions(query)), prefetch(trpc.roster.squads.queryOptions()), prefetch(trpc.squads.mine.queryOptions())]);
  return (
    <HydrateClient>
      <PageHeader
        title="Alerts"
        description={`New amber and red flags across your squads. Escalations show as “medical review needed”; the physio holds the detail. Acknowledge with a note on what you did; acknowledged alerts are archived after ${ACKNOWLEDGED_ALERT_ARCHIVE_DAYS} days, and an alert whose cause goes away retires by itself.`}
      />
      <Suspense>
        <AlertsInbox />
      </Suspense>
    </HydrateClient>
  );
}
