import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { EditAthlete } from "./edit-athlete";

export const metadata: Metadata = { title: "Athlete" };

export default async function AthletePage({ params }: { params: Promise<{ athleteId: string }> }) {
  const { athleteId } = await params;
  if (!z.uuid().safeParse(athleteId).success) notFound();
  try {
    await Promise.all([prefetch(trpc.roster.get.queryOptions({ athleteId })), prefetch(trpc.roster.squads.queryOptions()), prefetch(trpc.club.settings.queryOptions())]);
  } catch {
    notFound();
  }
  return (
    <HydrateClient>
      <PageHeader title="Athlete profile" description="Profile fields a coach keeps up to date. Clinical records belong to the physio." />
      <EditAthlete athleteId={athleteId} />
    </HydrateClient>
  );
}
