import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { ProgressView } from "./progress-view";

export const metadata: Metadata = { title: "Progress" };

export default async function ProgressPage() {
  await prefetch(trpc.progress.get.queryOptions({ weeks: 8 }));
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="Progress" description="The last 8 weeks: how the tendon responded, how much you ran, and what is left before the next phase." />
      <HydrateClient>
        <ProgressView />
      </HydrateClient>
    </div>
  );
}
