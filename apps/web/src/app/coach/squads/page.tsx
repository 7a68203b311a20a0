import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { SquadsPanel } from "./squads-panel";

export const metadata: Metadata = { title: "Squads" };

export default async function SquadsPage() {
  await Promise.all([prefetch(trpc.squads.list.queryOptions()), prefetch(trpc.staff.list.queryOptions())]);
  return (
    <HydrateClient>
      <PageHeader
        title="Squads"
        description="Create the club's squads and choose which coaches look after each. A coach's board, planner and alerts open on their own squads."
      />
      <SquadsPanel />
    </HydrateClient>
  );
}
