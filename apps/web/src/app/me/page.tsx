import type { Metadata } from "next";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { Today } from "./today";

export const metadata: Metadata = { title: "Today" };

export default async function TodayPage() {
  await prefetch(trpc.today.get.queryOptions());
  return (
    <HydrateClient>
      <Today />
    </HydrateClient>
  );
}
