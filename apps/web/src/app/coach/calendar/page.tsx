import type { Metadata } from "next";
import { CalendarSubscriptions } from "@/components/calendar-subscriptions";
import { PageHeader } from "@/components/page-header";
import { serverCaller } from "@/trpc/caller";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Calendar feeds" };

export default async function CoachCalendarPage() {
  const [squads] = await Promise.all([(await serverCaller()).roster.squads(), prefetch(trpc.calendar.subscriptions.queryOptions())]);
  return (
    <>
      <PageHeader
        title="Squad calendar feeds"
        description="A private subscription URL per squad: planned sessions with how many athletes the pre-flight check clears. Names and reasons stay in the planner."
      />
      <HydrateClient>
        <CalendarSubscriptions squads={squads.map((s) => ({ id: s.id, name: s.name }))} />
      </HydrateClient>
    </>
  );
}
