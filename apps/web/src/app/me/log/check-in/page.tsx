import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { serverCaller } from "@/trpc/caller";
import { CheckInForm, type EditableCheckIn } from "./check-in-form";
import { TRPCReactProvider } from "@/trpc/react";

export const metadata: Metadata = { title: "Morning check-in" };

const orUndefined = <T,>(value: T | null) => value ?? undefined;

export default async function CheckInPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  const { edit } = await searchParams;
  let editing: EditableCheckIn | undefined;
  if (edit) {
    const c = await (await serverCaller()).checkIns.get({ id: edit });
    if (c.editable) {
      editing = {
        id: c.id,
        at: c.at,
        morningPain: c.morningPain,
        stiffnessMinutes: orUndefined(c.stiffnessMinutes),
        loadTestPain: orUndefined(c.loadTestPain),
        restPain: orUndefined(c.restPain),
        longestSitMinutes: orUndefined(c.longestSitMinutes),
        sittingToleranceMinutes: orUndefined(c.sittingToleranceMinutes),
        cushionUsed: orUndefined(c.cushionUsed),
        redFlags: c.redFlags,
      };
    }
  }
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={editing ? "Edit check-in" : "Morning check-in"} description="Before you train: how did the tendon settle overnight?" />
      <TRPCReactProvider>
        <CheckInForm editing={editing} />
      </TRPCReactProvider>
    </div>
  );
}
