import type { Metadata } from "next";
import { gaitFaultCodes, localDateKey } from "@loadline/domain";
import { PageHeader } from "@/components/page-header";
import { serverCaller } from "@/trpc/caller";
import { GaitForm } from "./gait-form";
import { TRPCReactProvider } from "@/trpc/react";

export const metadata: Metadata = { title: "Record gait assessment" };

export default async function NewGaitPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const caller = await serverCaller();
  const [rows, viewer] = await Promise.all([caller.board.rows({}), caller.me.viewer()]);
  const athletes = rows.map((r) => ({ id: r.athlete.id, name: r.athlete.name })).sort((a, b) => a.name.localeCompare(b.name));
  const athleteId = typeof params.athlete === "string" && athletes.some((a) => a.id === params.athlete) ? params.athlete : "";
  const fault = gaitFaultCodes.find((code) => code === params.fault) ?? null;
  // The club's date, not the UTC one, is "today" (the form's default and latest date).
  const today = localDateKey(Date.now(), viewer.calendar.timeZone);
  return (
    <>
      <PageHeader
        title="Record gait assessment"
        description="Faults with severity and side, and the cues the athlete will see on their Today page. Introduce form changes gradually, for example inside walk-run drills."
      />
      <TRPCReactProvider>
        <GaitForm athletes={athletes} athleteId={athleteId} initialFault={fault} today={today} />
      </TRPCReactProvider>
    </>
  );
}
