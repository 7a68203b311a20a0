import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { AthleteOverview } from "./athlete-overview";

export const metadata: Metadata = { title: "Athlete overview" };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AthleteOverviewPage({ params }: { params: Promise<{ athleteId: string }> }) {
  const { athleteId } = await params;
  if (!uuid.test(athleteId)) notFound();
  try {
    await Promise.all([prefetch(trpc.board.athlete.queryOptions({ athleteId })), prefetch(trpc.notes.thread.queryOptions({ athleteId }))]);
  } catch {
    notFound();
  }
  return (
    <HydrateClient>
      <Suspense>
        <AthleteOverview athleteId={athleteId} />
      </Suspense>
    </HydrateClient>
  );
}
