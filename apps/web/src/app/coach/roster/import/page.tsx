import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { RosterImport } from "./roster-import";

export const metadata: Metadata = { title: "Import athletes" };

export default async function RosterImportPage() {
  await prefetch(trpc.roster.squads.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Import athletes from a CSV file"
        description="Upload a spreadsheet saved as CSV. You see every row checked before anything is added; each athlete added gets an invite link."
      />
      <RosterImport />
    </HydrateClient>
  );
}
