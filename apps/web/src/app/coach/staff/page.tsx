import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { StaffPanel } from "./staff-panel";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  await prefetch(trpc.staff.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Staff" description="Coaches and physios of your club. Invite a colleague with a one-time link." />
      <StaffPanel />
    </HydrateClient>
  );
}
