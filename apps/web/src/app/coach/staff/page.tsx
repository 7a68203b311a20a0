import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { SecurityPolicy } from "./security-policy";
import { StaffPanel } from "./staff-panel";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  await Promise.all([prefetch(trpc.staff.list.queryOptions()), prefetch(trpc.staff.securityPolicy.queryOptions())]);
  return (
    <HydrateClient>
      <PageHeader title="Staff" description="Coaches and physios of your club. Invite a colleague with a one-time link." />
      <StaffPanel />
      <div className="mt-6 max-w-2xl">
        <SecurityPolicy />
      </div>
    </HydrateClient>
  );
}
