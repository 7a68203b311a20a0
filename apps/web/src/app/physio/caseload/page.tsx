import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { CaseloadTable } from "./caseload-table";

export const metadata: Metadata = { title: "Caseload" };

export default async function CaseloadPage() {
  await prefetch(trpc.caseload.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Caseload" description="Athletes of your club. Open an injury episode to start their rehab plan." />
      <CaseloadTable />
    </HydrateClient>
  );
}
