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
      <PageHeader title="Escalations" description="Red-flag answers and not-progressing reviews (R19, R20). Acknowledge them, then resolve with a note." />
      <EscalationQueue />
    </HydrateClient>
  );
}
