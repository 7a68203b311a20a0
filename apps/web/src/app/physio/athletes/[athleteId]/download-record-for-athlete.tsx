"use client";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@loadline/ui/button";
import { toast } from "@loadline/ui/sonner";
import { downloadZip } from "@/lib/download";
import { useTRPC } from "@/trpc/react";

/**
 * The athlete's record in the format of their own download (a ZIP of CSVs and a manifest), for
 * the physio to hand to them when they ask for a copy (audited).
 */
export function DownloadRecordForAthlete({ athleteId }: { athleteId: string }) {
  const trpc = useTRPC();
  const download = useMutation(
    trpc.roster.exportRecord.mutationOptions({
      onSuccess: downloadZip,
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <Button variant="outline" disabled={download.isPending} onClick={() => download.mutate({ athleteId })}>
      {download.isPending ? "Preparing…" : "Record for the athlete (ZIP)"}
    </Button>
  );
}
