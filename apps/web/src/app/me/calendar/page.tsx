import type { Metadata } from "next";
import { CalendarSubscriptions } from "@/components/calendar-subscriptions";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Calendar" };

export default async function AthleteCalendarPage() {
  await prefetch(trpc.calendar.subscriptions.queryOptions());
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader
        title="Your calendar"
        description="Subscribe in your phone's calendar to your squad sessions with today's pre-flight verdict, your next high-load day and when VISA-H is due. No clinical detail goes into the feed."
      />
      <HydrateClient>
        <CalendarSubscriptions />
      </HydrateClient>
    </div>
  );
}
