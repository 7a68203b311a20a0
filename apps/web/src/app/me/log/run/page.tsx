import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { serverCaller } from "@/trpc/caller";
import { RunForm, type EditableRun } from "./run-form";
import { TRPCReactProvider } from "@/trpc/react";

export const metadata: Metadata = { title: "Log a run" };

const orUndefined = <T,>(value: T | null) => value ?? undefined;

export default async function LogRunPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  const { edit } = await searchParams;
  let editing: EditableRun | undefined;
  if (edit) {
    const log = await (await serverCaller()).athleteLogs.get({ id: edit });
    if (log.type === "run" && log.editable) {
      editing = {
        id: log.id,
        at: log.at,
        minutes: orUndefined(log.minutes),
        distanceKm: orUndefined(log.distanceKm),
        elevationGainM: orUndefined(log.elevationGainM),
        steepestGradientPct: orUndefined(log.steepestGradientPct),
        surface: orUndefined(log.surface) as EditableRun["surface"],
        strides: log.strides ?? 0,
        sprints: log.sprints ?? 0,
        cadenceSpm: orUndefined(log.cadenceSpm),
        walkRun: log.walkRun ?? false,
        rpe: orUndefined(log.rpe),
        painDuring: log.painDuring,
        painAfter: orUndefined(log.painAfter),
        asPrescribed: log.asPrescribed,
        importedFrom: orUndefined(log.importedFrom),
        activities: log.activities as EditableRun["activities"],
        fullIntensity: log.fullIntensity,
        fullTraining: log.fullTraining,
        notes: log.notes,
      };
    }
  }
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={editing ? "Edit run" : "Log a run"} description="Type it in, or import the file from your watch." />
      <TRPCReactProvider>
        <RunForm editing={editing} />
      </TRPCReactProvider>
    </div>
  );
}
