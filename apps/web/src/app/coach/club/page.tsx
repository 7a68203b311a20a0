import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { ClubExport } from "./club-export";
import { ClubSettingsForm } from "./club-settings-form";
import { TransferOwnership } from "./transfer-ownership";

export const metadata: Metadata = { title: "Club settings" };

export default async function ClubPage() {
  const [settings] = await Promise.all([prefetch(trpc.club.settings.queryOptions()), prefetch(trpc.staff.list.queryOptions())]);
  return (
    <HydrateClient>
      <PageHeader
        title="Club settings"
        description={settings.canEdit ? "Your club's name, calendar and defaults. Plans still override the engine defaults per athlete." : "Only the club owner can change these."}
      />
      <div className="grid max-w-3xl gap-6">
        <ClubSettingsForm />
        {settings.canEdit ? <TransferOwnership /> : null}
        {settings.canEdit ? <ClubExport /> : null}
      </div>
    </HydrateClient>
  );
}
