import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { VisaHForm } from "./visa-h-form";

export const metadata: Metadata = { title: "VISA-H questionnaire" };

export default async function VisaHPage() {
  await prefetch(trpc.visaH.mine.queryOptions());
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="VISA-H questionnaire" description="8 questions about how your hamstring affects you. It takes about 3 minutes; answering it regularly lets your physio see the trend." />
      <HydrateClient>
        <VisaHForm />
      </HydrateClient>
    </div>
  );
}
