import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { serverCaller } from "@/trpc/caller";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { localDateKey } from "@loadline/domain";
import { readUrlState } from "@/lib/url-state";
import { plannerUrl } from "./planner-url";
import { WeekPlanner } from "./week-planner";

export const metadata: Metadata = { title: "Squad planner" };

/**
 * Any day of the wanted week, as YYYY-MM-DD; the server turns it into the club's week (its zone,
 * Monday start). Today is the club's date: London's is a day behind on a Monday morning in Sydney.
 */
const todayKey = (timeZone: string) => localDateKey(Date.now(), timeZone);

export default async function PlannerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const caller = await serverCaller();
  const [squads, viewer, mine] = await Promise.all([caller.roster.squads(), caller.me.viewer(), caller.squads.mine()]);
  const url = readUrlState(plannerUrl, { get: (key) => (typeof params[key] === "string" ? params[key] : undefined) });
  // Without a choice, the first squad the coach looks after.
  const defaultSquadId = squads.find((s) => mine.includes(s.id))?.id ?? squads[0]?.id;
  const squadId = squads.find((s) => s.id === url.squad)?.id ?? defaultSquadId;
  const today = todayKey(viewer.calendar.timeZone);
  const week = url.week || today;
  if (squadId) await prefetch(trpc.planner.week.queryOptions({ squadId, weekOf: week }));
  return (
    <HydrateClient>
      <PageHeader
        title="Squad planner"
        description="Plan the squad's week. Every session shows each athlete's pre-flight check from the rules engine: ok, modify (with the alternative) or skip."
      />
      {squadId && defaultSquadId ? (
        <Suspense>
          <WeekPlanner squads={squads.map((s) => ({ id: s.id, name: s.name }))} defaultSquadId={defaultSquadId} today={today} />
        </Suspense>
      ) : (
        <p className="text-muted-foreground">Create a squad on the Squads page first.</p>
      )}
    </HydrateClient>
  );
}
