"use client";
import { useMutation } from "@tanstack/react-query";
import { closingNoteSchema, episodeLabels, noteText, TEXT_LIMITS } from "@loadline/domain";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { toast } from "@loadline/ui/sonner";
import { ReasonForm } from "@/components/reason-form";
import { useTRPC } from "@/trpc/react";
import { useRefreshClinical } from "../../_components/use-refresh-clinical";
import type { Episode } from "./episode-details";

const reopenReason = noteText("Reason for reopening", 1);

/** Closing the open episode: a closing note, then a confirmation (the athlete leaves the caseload). */
export function CloseEpisode({ episode }: { episode: Episode }) {
  const trpc = useTRPC();
  const invalidate = useRefreshClinical();
  const close = useMutation(trpc.episodes.close.mutationOptions());
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Close the episode</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        <Alert className="mb-4">
          <AlertTitle>Discharge</AlertTitle>
          <AlertDescription>Closing takes the athlete off your caseload. Record why (e.g. discharge criteria E4.1-E4.4 met).</AlertDescription>
        </Alert>
        <ReasonForm
          id={`close-${episode.id}-note`}
          label={episodeLabels.closingNote}
          schema={closingNoteSchema}
          serverKey="closingNote"
          maxLength={TEXT_LIMITS.note}
          submitLabel="Close episode"
          submitVariant="outline"
          confirm={{
            title: "Close this episode?",
            description:
              "The athlete leaves your caseload and their rehab plan ends: they are assessed as not in rehab from now on. Open a new episode if the pain comes back.",
            confirmLabel: "Close episode",
            destructive: true,
          }}
          onSubmit={async (closingNote) => {
            await close.mutateAsync({ episodeId: episode.id, closingNote });
            toast.success("Episode closed");
            await invalidate();
          }}
        />
      </CardContent>
    </Card>
  );
}

/** Reopen a closed episode (a recurrence, or a discharge by mistake): its plan counts again. */
export function ReopenEpisode({ episode }: { episode: Episode }) {
  const trpc = useTRPC();
  const invalidate = useRefreshClinical();
  const reopen = useMutation(trpc.episodes.reopen.mutationOptions());
  return (
    <ReasonForm
      id={`reopen-${episode.id}-reason`}
      label="Reason for reopening"
      schema={reopenReason}
      serverKey="reason"
      submitLabel="Reopen episode"
      submitVariant="outline"
      size="sm"
      className="grid gap-2"
      onSubmit={async (reason) => {
        await reopen.mutateAsync({ episodeId: episode.id, reason });
        toast.success("Episode reopened");
        await invalidate();
      }}
    />
  );
}
