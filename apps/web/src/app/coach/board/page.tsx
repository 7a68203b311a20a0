import type { Metadata } from "next";
import { Suspense } from "react";
import { Button } from "@loadline/ui/button";
import { PageHeader } from "@/components/page-header";
import { serverCaller } from "@/trpc/caller";
import { BoardTable } from "./board-table";
import { GettingStarted } from "./getting-started";
import { boardUrl } from "./board-model";
import { boardQueryInput, boardSquadFilter } from "./squad-scope";

export const metadata: Metadata = { title: "Squad board" };

/**
 * The board renders on the server with its rows handed to the table as props (plain JSON): no
 * API client, query cache or hydration of a cache in its first load. The table asks for rows
 * again only for another squad or while a row is still being assessed.
 */
export default async function BoardPage({ searchParams }: { searchParams: Promise<{ squad?: string | string[] }> }) {
  const caller = await serverCaller();
  const [{ squad }, mine, squads] = await Promise.all([searchParams, caller.squads.mine(), caller.roster.squads()]);
  const filter = boardSquadFilter(boardUrl.squad.parse(typeof squad === "string" ? squad : null), mine);
  const rows = await caller.board.rows(boardQueryInput(filter, mine));
  return (
    <>
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
        <BoardTable initialRows={rows} squads={squads.map((s) => ({ id: s.id, name: s.name }))} mine={mine} />
      </Suspense>
    </>
  );
}
