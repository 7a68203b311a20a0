import type { Metadata } from "next";
import { serverCaller } from "@/trpc/caller";
import { Today } from "./today";

export const metadata: Metadata = { title: "Today" };

export default async function TodayPage() {
  const today = await (await serverCaller()).today.get();
  // The moment of this render: the date heading and the countdowns read from it.
  return <Today t={today} now={new Date()} />;
}
