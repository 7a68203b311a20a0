import type { Metadata } from "next";
import { Suspense } from "react";
import { NotesThread } from "@/components/notes-thread";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Notes" };

export default async function AthleteNotesPage() {
  await prefetch(trpc.notes.thread.queryOptions({}));
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="Notes" description="What your coach and physio chose to share with you." />
      <HydrateClient>
        <Suspense>
          <NotesThread />
        </Suspense>
      </HydrateClient>
    </div>
  );
}
