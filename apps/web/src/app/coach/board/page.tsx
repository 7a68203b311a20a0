import type { Metadata } from "next";
import { Suspense } from "react";
import { Button } from "@loadline/ui/button";
import { PageHeader } from "@/components/page-header";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { BoardTable } from "./board-table";
import { GettingStarted } from "./getting-started";

export const metadata: Metadata = { title: "Squad board" };

export default async function BoardPage() {
  await Promise.all([prefetch(trpc.board.rows.queryOptions({})), prefetch(trpc.roster.squads.queryOptions()), prefetch(trpc.squads.mine.queryOptions())]);
  return (
    <HydrateClient>
      <PageHeader
        title="Squad board"
        description="Who is fit to train, who is in rehab, and what the rules engine flags. Open an athlete for the detail a coach may see."
        actions={
          <>
            <Button asChild variant="outline">
              <a href="/api/exports/board" download>
                Export board (CSV)
              </a>
            </Button>
            <Button asChild variant="outline">
              <a href="/api/exports/squad-load?weeks=12" download>
                Export 12-week squad load (CSV)
              </a>
            </Button>
          </>
        }
      />
      <GettingStarted />
      <Suspense>
        <BoardTable />
      </Suspense>
    </HydrateClient>
  );
}
