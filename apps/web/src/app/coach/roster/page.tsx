import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Button } from "@loadline/ui/button";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { RosterTable } from "./roster-table";
import { SquadSummaries } from "./squad-summaries";

export const metadata: Metadata = { title: "Roster" };

export default async function RosterPage() {
  await Promise.all([prefetch(trpc.roster.list.queryOptions({ includeArchived: true })), prefetch(trpc.roster.squads.queryOptions())]);
  return (
    <HydrateClient>
      <PageHeader
        title="Squad roster"
        description="Everyone in your squads. Add athletes, move them between squads, and share their invite links."
        actions={
          <>
            <Button asChild variant="outline">
              <a href="/api/exports/roster" download>
                Export roster (CSV)
              </a>
            </Button>
            <Button asChild variant="outline">
              <Link href="/coach/roster/import">Import from CSV</Link>
            </Button>
            <Button asChild>
              <Link href="/coach/roster/new">Add athlete</Link>
            </Button>
          </>
        }
      />
      <SquadSummaries />
      <Suspense>
        <RosterTable />
      </Suspense>
    </HydrateClient>
  );
}
