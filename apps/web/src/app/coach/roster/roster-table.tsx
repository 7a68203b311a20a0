"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { SortingState } from "@tanstack/react-table";
import { MoreHorizontal } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import type { inferRouterOutputs, AppRouter } from "@loadline/api";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@loadline/ui/dropdown-menu";
import { toast } from "@loadline/ui/sonner";
import { DataTable, type DataColumn } from "@/components/data-table";
import { FilterBar, FilterCheckbox, FilterSearch, FilterSelect } from "@/components/filter-bar";
import { InviteLink } from "@/components/invite-link";
import { urlParam, useUrlState } from "@/hooks/use-url-state";
import { useTRPC } from "@/trpc/react";

type RosterRow = inferRouterOutputs<AppRouter>["roster"]["list"][number];
const sortableColumns = ["name", "eventOrSport", "squads", "account"] as const;

/** The roster's filters and sort, kept in the URL so a coach can bookmark or share a view. */
const rosterUrl = {
  q: urlParam.text(),
  squad: urlParam.id(),
  archived: urlParam.flag(),
  sort: urlParam.sort(sortableColumns, { id: "name", desc: false }),
};

export function RosterTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: roster } = useSuspenseQuery(trpc.roster.list.queryOptions({ includeArchived: true }));
  const { data: squads } = useSuspenseQuery(trpc.roster.squads.queryOptions());
  const { values: url, set } = useUrlState(rosterUrl);
  const sorting = useMemo<SortingState>(() => [url.sort], [url.sort]);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.roster.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.roster.squads.queryKey() }),
    ]);
  const move = useMutation(
    trpc.roster.move.mutationOptions({
      onSuccess: () => refresh().then(() => toast.success("Squad changed")),
      onError: (error) => toast.error(error.message),
    }),
  );
  const { mutate: moveTo } = move;
  const archive = useMutation(
    trpc.roster.setArchived.mutationOptions({
      onSuccess: (result, input) =>
        refresh().then(() =>
          result.archived
            ? // Archiving from the menu is one click away from a mistake: the toast offers the way back.
              toast.success("Athlete archived", {
                description: "They can no longer sign in; their records are kept.",
                duration: 10_000,
                action: { label: "Undo", onClick: () => archive.mutate({ athleteId: input.athleteId, archived: false }) },
              })
            : toast.success("Athlete restored"),
        ),
      onError: (error) => toast.error(error.message),
    }),
  );

  const { mutate: setArchived } = archive;
  const [resetLink, setResetLink] = useState<{ name: string; resetPath: string; expiresAt: Date } | null>(null);
  const reset = useMutation(
    trpc.passwordReset.issue.mutationOptions({
      onSuccess: (result) => setResetLink(result),
      onError: (error) => toast.error(error.message),
    }),
  );
  const { mutate: issueReset } = reset;
  const rows = useMemo(
    () =>
      roster.filter(
        (athlete) =>
          (url.archived || !athlete.archived) && (!url.squad || athlete.squads.some((s) => s.id === url.squad)),
      ),
    [roster, url.archived, url.squad],
  );

  const columns = useMemo<DataColumn<RosterRow>[]>(
    () => [
      {
        id: "name",
        accessorKey: "name",
        header: "Name",
        meta: { rowHeader: true },
        cell: ({ row }) => (
          <Link href={`/coach/roster/${row.original.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
            {row.original.name}
          </Link>
        ),
      },
      { id: "eventOrSport", accessorKey: "eventOrSport", header: "Event or sport" },
      {
        id: "squads",
        accessorFn: (row) => row.squads.map((s) => s.name).join(", "),
        header: "Squads",
      },
      {
        id: "account",
        accessorFn: (row) => (row.archived ? "archived" : row.account),
        header: "Account",
        cell: ({ row }) =>
          row.original.archived ? (
            <Badge variant="outline">Archived</Badge>
          ) : row.original.account === "invited" ? (
            <Badge variant="amber">Invite pending</Badge>
          ) : (
            <Badge variant="secondary">Active</Badge>
          ),
      },
      {
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        enableSorting: false,
        cell: ({ row }) => {
          const athlete = row.original;
          return (
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="ghost" size="icon" aria-label={`Actions for ${athlete.name}`}>
                  <MoreHorizontal aria-hidden="true" />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                <DropdownMenuItem asChild>
                  <Link href={`/coach/roster/${athlete.id}`}>Edit profile</Link>
                </DropdownMenuItem>
                <DropdownMenuSeparator />
                <DropdownMenuLabel>Move to</DropdownMenuLabel>
                {squads.map((squad) => (
                  <DropdownMenuItem
                    key={squad.id}
                    disabled={athlete.squads.length === 1 && athlete.squads[0]?.id === squad.id}
                    onSelect={() => moveTo({ athleteId: athlete.id, squadIds: [squad.id] })}
                  >
                    {squad.name}
                  </DropdownMenuItem>
                ))}
                <DropdownMenuSeparator />
                {athlete.account === "active" && !athlete.archived ? (
                  <DropdownMenuItem onSelect={() => issueReset({ userId: athlete.userId })}>Password reset link</DropdownMenuItem>
                ) : null}
                <DropdownMenuItem onSelect={() => setArchived({ athleteId: athlete.id, archived: !athlete.archived })}>
                  {athlete.archived ? "Restore athlete" : "Archive athlete"}
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          );
        },
      },
    ],
    [squads, moveTo, setArchived, issueReset],
  );

  const shown = rows.filter((athlete) => athlete.name.toLowerCase().includes(url.q.trim().toLowerCase()));

  return (
    <section aria-labelledby="roster-heading" className="grid gap-4">
      <h2 id="roster-heading" className="sr-only">
        Athletes
      </h2>
      <FilterBar label="Filter athletes" summary={`${shown.length} of ${roster.filter((a) => !a.archived).length} athletes`}>
        <FilterSearch id="roster-search" label="Search by name" value={url.q} onChange={(q) => set({ q })} placeholder="e.g. Maya" />
        <FilterSelect
          id="roster-squad"
          label="Squad"
          value={url.squad}
          onChange={(squad) => set({ squad })}
          options={[{ value: "", label: "All squads" }, ...squads.map((squad) => ({ value: squad.id, label: squad.name }))]}
        />
        <FilterCheckbox label="Show archived" checked={url.archived} onChange={(archived) => set({ archived })} />
      </FilterBar>
      {resetLink ? <InviteLink kind="reset" path={resetLink.resetPath} name={resetLink.name} expiresAt={resetLink.expiresAt} /> : null}
      <DataTable
        caption="Athletes"
        data={shown}
        columns={columns}
        getRowId={(athlete) => athlete.id}
        empty="No athletes match these filters."
        sorting={sorting}
        onSortingChange={(next) => {
          const first = next[0];
          // A column whose id the URL does not know sorts by name.
          const id = sortableColumns.find((c) => c === first?.id);
          set({ sort: id && first ? { id, desc: first.desc } : { id: "name", desc: false } });
        }}
        rowProps={(athlete) => ({ "data-archived": athlete.archived || undefined, className: "data-[archived]:bg-muted/40" })}
      />
    </section>
  );
}
