import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { EscalationQueue } from "./escalation-queue";
import { PageView } from "@/components/page-view";
import { renderPageViewId } from "@/server/page-view";

export const metadata: Metadata = { title: "Escalations" };

export default async function EscalationsPage() {
  await prefetch(trpc.escalations.list.queryOptions({ includeResolved: false }));
  return (
    <HydrateClient>
      <PageView id={renderPageViewId()} />
      <PageHeader title="Escalations" description="Red-flag answers (R20), not-progressing reviews (R19) and two red sessions within 7 days (R4). Acknowledge them, then resolve with a note: resolving records your review." />
      <EscalationQueue />
    </HydrateClient>
  );
}
