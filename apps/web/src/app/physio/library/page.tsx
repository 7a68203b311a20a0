import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { ExerciseLibrary } from "./exercise-library";

export const metadata: Metadata = { title: "Exercise library" };

export default async function LibraryPage() {
  await prefetch(trpc.exercises.list.queryOptions({ includeRetired: true }));
  return (
    <HydrateClient>
      <PageHeader
        title="Exercise library"
        description="Your club's exercises. Each change is a new version: plans keep the version they prescribed. Retired exercises are no longer offered for new prescriptions; plans that hold them keep them."
      />
      <ExerciseLibrary />
    </HydrateClient>
  );
}
