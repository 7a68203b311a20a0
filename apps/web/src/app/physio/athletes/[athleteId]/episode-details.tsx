"use client";
import type { AppRouter, inferRouterOutputs } from "@loadline/api";
import { suspectedTriggerLabels } from "@loadline/domain";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { useClubCalendar } from "@/components/club-calendar";
import { formatDate, formatDay, humanize } from "../../_components/labels";

export type Episode = inferRouterOutputs<AppRouter>["episodes"]["list"]["episodes"][number];

export const diagnosisLabel = (method: string) => (method === "mri" ? "MRI" : humanize(method));

/** The open episode as recorded, with a way into its form. */
export function EpisodeDetails({ episode, onEdit }: { episode: Episode; onEdit: () => void }) {
  const calendar = useClubCalendar();
  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between">
        <CardTitle>
          <h2>Open episode</h2>
        </CardTitle>
        <Button variant="outline" onClick={onEdit}>
          Edit episode
        </Button>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted-foreground">Side</dt>
          <dd>{humanize(episode.side)}</dd>
          <dt className="text-muted-foreground">Onset</dt>
          <dd>
            {formatDay(episode.onsetDate, calendar)} ({episode.onsetType})
          </dd>
          <dt className="text-muted-foreground">Suspected trigger</dt>
          <dd>{episode.suspectedTriggers.map((t) => suspectedTriggerLabels[t as keyof typeof suspectedTriggerLabels] ?? t).join(", ") || "None recorded"}</dd>
          <dt className="text-muted-foreground">Diagnosed by</dt>
          <dd>{diagnosisLabel(episode.diagnosisMethod)}</dd>
          <dt className="text-muted-foreground">Differentials excluded</dt>
          <dd>{episode.differentialsExcluded.join(", ") || "None recorded"}</dd>
          <dt className="text-muted-foreground">Owning clinician</dt>
          <dd>{episode.owningClinicianName}</dd>
          <dt className="text-muted-foreground">Opened</dt>
          <dd>{formatDate(episode.createdAt, calendar)}</dd>
          <dt className="text-muted-foreground">Clinical notes</dt>
          <dd className="whitespace-pre-wrap">{episode.clinicalNotes || "None"}</dd>
        </dl>
      </CardContent>
    </Card>
  );
}
