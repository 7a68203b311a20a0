import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { serverCaller } from "@/trpc/caller";
import { SessionForm, type EditableSession, type SessionPrefill } from "./session-form";
import { TRPCReactProvider } from "@/trpc/react";

export const metadata: Metadata = { title: "Log a session" };

type Search = { edit?: string; type?: string; minutes?: string; activity?: string | string[]; at?: string };

/**
 * A ride, walk or gym session imported on the run form arrives here as its type, minutes,
 * activity and start time; anything that does not parse is left for the athlete to fill in.
 */
function prefillFrom(search: Search): SessionPrefill | undefined {
  const types = ["strength", "cross_training", "field"] as const;
  const type = types.find((t) => t === search.type);
  if (!type) return undefined;
  const minutes = Number(search.minutes);
  const at = search.at ? new Date(search.at) : null;
  const activities = [search.activity ?? []].flat().filter((a) => a === "walking" || a === "cycling" || a === "pool_running");
  return {
    type,
    minutes: Number.isFinite(minutes) && minutes > 0 && minutes <= 600 ? minutes : undefined,
    activities,
    at: at && !Number.isNaN(at.getTime()) ? at : undefined,
  };
}

export default async function LogSessionPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const { edit } = search;
  let editing: EditableSession | undefined;
  if (edit) {
    const log = await (await serverCaller()).athleteLogs.get({ id: edit });
    if (log.type !== "run" && log.editable) {
      editing = { ...log, type: log.type, minutes: log.minutes ?? 0, rpe: log.rpe ?? 0, heaviestRm: log.heaviestRm };
    }
  }
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={editing ? "Edit session" : "Log a session"} description="Strength, cross-training or field work. Runs have their own form." />
      <TRPCReactProvider>
        <SessionForm editing={editing} prefill={editing ? undefined : prefillFrom(search)} />
      </TRPCReactProvider>
    </div>
  );
}
