"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { useClubCalendar } from "@/components/club-calendar";
import { useTRPC } from "@/trpc/react";
import { formatDate, humanize } from "../../_components/labels";
import { CloseEpisode, ReopenEpisode } from "./close-episode";
import { EpisodeDetails } from "./episode-details";
import { EpisodeForm } from "./episode-form";
import { ProvocationTests } from "./provocation-tests";

/** The athlete's injury episodes: the open one (its details or form, tests, closing) and the closed ones. */
export function EpisodePanel({ athleteId }: { athleteId: string }) {
  const calendar = useClubCalendar();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.episodes.list.queryOptions({ athleteId }));
  const open = data.episodes.find((e) => e.status === "active") ?? null;
  const past = data.episodes.filter((e) => e.status !== "active");
  const [editing, setEditing] = useState(false);
  return (
    <div className="grid gap-6">
      {open ? (
        editing ? (
          <EpisodeForm athleteId={athleteId} episode={open} onDone={() => setEditing(false)} />
        ) : (
          <EpisodeDetails episode={open} onEdit={() => setEditing(true)} />
        )
      ) : (
        <EpisodeForm athleteId={athleteId} episode={null} onDone={() => undefined} />
      )}
      {open ? <ProvocationTests episode={open} /> : null}
      {open ? <CloseEpisode episode={open} /> : null}
      {past.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Closed episodes</h2>
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            {past.map((e) => (
              <div key={e.id} className="grid gap-2 rounded-lg border p-3">
                <span>
                  {humanize(e.side)} side, opened {formatDate(e.createdAt, calendar)}, closed {e.closedAt ? formatDate(e.closedAt, calendar) : ""}
                </span>
                {open ? null : <ReopenEpisode episode={e} />}
              </div>
            ))}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
