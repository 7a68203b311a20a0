import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { CaseloadTable } from "./caseload-table";
import { OpenEpisodePicker } from "./open-episode-picker";

export const metadata: Metadata = { title: "Caseload" };

export default async function CaseloadPage() {
  await Promise.all([prefetch(trpc.caseload.list.queryOptions()), prefetch(trpc.roster.list.queryOptions())]);
  return (
    <HydrateClient>
      <PageHeader
        title="Caseload"
        description="Athletes with an open injury episode. Red-flag escalations are listed first."
        actions={<OpenEpisodePicker />}
      />
      <CaseloadTable />
    </HydrateClient>
  );
}
