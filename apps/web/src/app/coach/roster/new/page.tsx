import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { AddAthlete } from "./add-athlete";

export const metadata: Metadata = { title: "Add athlete" };

export default async function NewAthletePage() {
  await prefetch(trpc.roster.squads.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Add an athlete" description="Loadline creates their account and a one-time link for them to set a password." />
      <AddAthlete />
    </HydrateClient>
  );
}
