import type { Metadata } from "next";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { MyPlan } from "./my-plan";

export const metadata: Metadata = { title: "My plan" };

export default async function MyPlanPage() {
  await prefetch(trpc.me.profile.queryOptions());
  return (
    <HydrateClient>
      <MyPlan />
    </HydrateClient>
  );
}
