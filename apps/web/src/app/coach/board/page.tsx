import type { Metadata } from "next";
import { Suspense } from "react";
import { Button } from "@loadline/ui/button";
import { PageHeader } from "@/components/page-header";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/trpc/server";
import { BoardTable } from "./board-table";
import { GettingStarted } from "./getting-started";
import { boardQueryInput, boardSquadFilter } from "./squad-scope";

export const metadata: Metadata = { title: "Squad board" };

export default async function BoardPage({ searchParams }: { searchParams: Promise<{ squad?: string | string[] }> }) {
  const [{ squad }, mine] = await Promise.all([searchParams, getQueryClient().fetchQuery(trpc.squads.mine.queryOptions())]);
  const filter = boardSquadFilter(typeof squad === "string" ? squad : undefined, mine);
  await Promise.all([prefetch(trpc.board.rows.queryOptions(boardQueryInput(filter, mine))), prefetch(trpc.roster.squads.queryOptions())]);
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
