import type { Metadata } from "next";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { AthleteClinical } from "./athlete-clinical";
import { PageView } from "@/components/page-view";
import { renderPageViewId } from "@/server/page-view";

export const metadata: Metadata = { title: "Athlete clinical record" };

export default async function AthleteClinicalPage({ params }: { params: Promise<{ athleteId: string }> }) {
  const { athleteId } = await params;
  await Promise.all([
    prefetch(trpc.episodes.list.queryOptions({ athleteId })),
    prefetch(trpc.episodes.clinicians.queryOptions()),
    prefetch(trpc.plans.current.queryOptions({ athleteId })),
    prefetch(trpc.plans.history.queryOptions({ athleteId })),
    prefetch(trpc.exercises.list.queryOptions()),
    prefetch(trpc.adjuncts.list.queryOptions({ athleteId })),
    prefetch(trpc.capacityTests.list.queryOptions({ athleteId })),
    prefetch(trpc.episodes.clinicalProfile.queryOptions({ athleteId })),
    prefetch(trpc.escalations.list.queryOptions({ athleteId, includeResolved: true })),
    prefetch(trpc.audit.list.queryOptions({ athleteId })),
    prefetch(trpc.notes.thread.queryOptions({ athleteId })),
  ]);
  return (
    <HydrateClient>
      <PageView id={renderPageViewId()} />
      <AthleteClinical athleteId={athleteId} />
    </HydrateClient>
  );
}
