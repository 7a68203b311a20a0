"use client";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { toast } from "@loadline/ui/sonner";
import { downloadZip } from "@/lib/download";
import { useTRPC } from "@/trpc/react";

/** The owner downloads everything the club holds in Loadline (README, "A club's data"). */
export function ClubExport() {
  const trpc = useTRPC();
  const download = useMutation(
    trpc.club.export.mutationOptions({
      onSuccess: (result) => {
        downloadZip(result);
        toast.success(`Exported ${result.rows} records from ${result.tables} tables`);
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>The club&apos;s data</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <p className="text-muted-foreground">
          Download everything your club holds in Loadline: a ZIP with one CSV file per table and a manifest describing them. Passwords and
          other sign-in secrets are left out. The download is recorded in the audit log.
        </p>
        <div>
          <Button variant="outline" disabled={download.isPending} onClick={() => download.mutate()}>
            {download.isPending ? "Preparing…" : "Download the club's data (ZIP)"}
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
