import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Button } from "@loadline/ui/button";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { SquadFaults } from "./squad-faults";

export const metadata: Metadata = { title: "Gait" };

export default async function GaitPage() {
  await Promise.all([prefetch(trpc.gait.squadFaults.queryOptions({})), prefetch(trpc.roster.squads.queryOptions())]);
  return (
    <HydrateClient>
      <PageHeader
        title="Gait and cues"
        description="Which athletes carry which running-form faults (latest assessment each), and runs whose cadence suggests an over-stride check."
        actions={
          <Button asChild>
            <Link href="/coach/gait/new">Record gait assessment</Link>
          </Button>
        }
      />
      <Suspense>
        <SquadFaults />
      </Suspense>
    </HydrateClient>
  );
}
