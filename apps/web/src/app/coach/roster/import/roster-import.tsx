"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import type { AppRouter, inferRouterOutputs } from "@loadline/api";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { DataTable, type DataColumn } from "@/components/data-table";
import { InviteLink } from "@/components/invite-link";
import { useTRPC } from "@/trpc/react";

/** The columns of a roster file, as the server reads them (first four required). */
const columns = ["Name", "Email", "Squads", "Event or sport", "Birth year", "Sex", "Pre-injury weekly volume (km)", "Previous hamstring injury"];

/** Which form field each error belongs to, in the words of the roster form. */
const fieldLabels: Record<string, string> = {
  name: "Full name",
  email: "Email",
  squadIds: "Squads",
  eventOrSport: "Event or sport",
  birthYear: "Birth year",
  sex: "Sex",
  preInjuryWeeklyKm: "Pre-injury weekly volume",
  previousHamstringInjury: "Previous hamstring injury",
};

const MAX_BYTES = 500_000;

type PreviewRow = inferRouterOutputs<AppRouter>["roster"]["importPreview"]["rows"][number];
const previewColumns: DataColumn<PreviewRow>[] = [
  { id: "line", accessorKey: "line", header: "Line" },
  { id: "name", accessorKey: "name", header: "Name" },
  { id: "email", accessorKey: "email", header: "Email" },
  { id: "squads", header: "Squads", cell: ({ row }) => row.original.squads.join(", ") },
  {
    id: "check",
    header: "Check",
    cell: ({ row }) => {
      const errors = Object.entries(row.original.errors);
      return errors.length === 0 ? (
        <Badge variant="outline">Ready</Badge>
      ) : (
        <ul className="grid gap-0.5 text-destructive">
          {errors.map(([field, message]) => (
            <li key={field}>
              {fieldLabels[field] ?? field}: {message}
            </li>
          ))}
        </ul>
      );
    },
  },
];

export function RosterImport() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const inputId = useId();
  const { data: squads } = useSuspenseQuery(trpc.roster.squads.queryOptions());
  const [csv, setCsv] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const preview = useMutation(trpc.roster.importPreview.mutationOptions());
  const run = useMutation(
    trpc.roster.import.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.roster.pathKey() }),
    }),
  );

  const choose = async (file: File | undefined) => {
    preview.reset();
    run.reset();
    setCsv(null);
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileError("The file must be at most 500 KB.");
      return;
    }
    const text = await file.text();
    setCsv(text);
    preview.mutate({ csv: text });
  };

  if (run.data) {
    return (
      <div className="grid gap-4">
        <Alert role="status">
          <AlertTitle>
            {run.data.imported.length} athlete{run.data.imported.length === 1 ? "" : "s"} added
          </AlertTitle>
          <AlertDescription>
            {run.data.skipped.length > 0 ? `${run.data.skipped.length} row(s) with errors were left out. ` : null}
            Share each invite link with its athlete: Loadline sends no email.
          </AlertDescription>
        </Alert>
        {run.data.imported.map((r) => (
          <InviteLink key={r.line} path={r.invitePath} name={r.name} expiresAt={r.expiresAt} />
        ))}
        <Button asChild variant="outline" className="justify-self-start">
          <Link href="/coach/roster">Back to the roster</Link>
        </Button>
      </div>
    );
  }

  const result = preview.data;
  return (
    <div className="grid gap-6">
      <section aria-labelledby="format" className="grid gap-2 text-sm">
        <h2 id="format" className="font-semibold">
          The file
        </h2>
        <p className="text-muted-foreground">
          The first line names the columns: {columns.map((c, i) => (i < 4 ? `${c} (required)` : c)).join(", ")}. Squads are named as in your club
          ({squads.map((s) => s.name).join(", ")}), several separated by semicolons. Sex is female, male, other or unspecified; previous hamstring
          injury is yes or no.
        </p>
        <label htmlFor={inputId} className="font-medium">
          CSV file
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          className="text-sm file:mr-3 file:rounded-md file:border file:bg-background file:px-3 file:py-1.5"
          onChange={(e) => void choose(e.target.files?.[0])}
          aria-describedby={fileError ? `${inputId}-error` : undefined}
        />
        {fileError ? (
          <p id={`${inputId}-error`} role="alert" className="text-destructive">
            {fileError}
          </p>
        ) : null}
      </section>

      {preview.error ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{preview.error.message}</AlertDescription>
        </Alert>
      ) : null}
      {preview.isPending ? <p role="status">Checking the file…</p> : null}

      {result ? (
        <section aria-labelledby="preview" className="grid gap-3">
          <h2 id="preview" className="font-semibold">
            Preview: {result.valid} ready to import, {result.invalid} with errors
          </h2>
          {result.fileErrors.length > 0 ? (
            <Alert variant="destructive" role="alert">
              <AlertTitle>The file cannot be imported</AlertTitle>
              <AlertDescription>
                <ul className="list-disc pl-4">
                  {result.fileErrors.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              </AlertDescription>
            </Alert>
          ) : null}
          {result.rows.length > 0 ? (
            <DataTable caption="Rows of the file" data={result.rows} columns={previewColumns} getRowId={(row) => String(row.line)} enableSorting={false} empty="" />
          ) : null}
          {run.error ? (
            <Alert variant="destructive" role="alert">
              <AlertDescription>{run.error.message} Nothing was added.</AlertDescription>
            </Alert>
          ) : null}
          <div className="flex gap-2">
            <Button disabled={!csv || result.valid === 0 || result.fileErrors.length > 0 || run.isPending} onClick={() => csv && run.mutate({ csv })}>
              {run.isPending ? "Importing…" : `Import ${result.valid} athlete${result.valid === 1 ? "" : "s"}`}
            </Button>
            <Button asChild variant="ghost">
              <Link href="/coach/roster">Cancel</Link>
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
