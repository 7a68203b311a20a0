"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, MoreHorizontal } from "lucide-react";
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
import { Input } from "@loadline/ui/input";
import { Label } from "@loadline/ui/label";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@loadline/ui/table";
import { InviteLink } from "@/components/invite-link";
import { useUrlState } from "@/hooks/use-url-state";
import { useTRPC } from "@/trpc/react";

type RosterRow = inferRouterOutputs<AppRouter>["roster"]["list"][number];
const sortableColumns = ["name", "eventOrSport", "squads", "account"] as const;

/** The roster's filters and sort, kept in the URL so a coach can bookmark or share a view. */
function useRosterUrlState() {
  const { values, set } = useUrlState(["q", "squad", "archived", "sort"] as const);
  const sortParam = values.sort || "name";
  const sorting = useMemo<SortingState>(() => {
    const sortId = sortParam.replace(/^-/, "");
    return (sortableColumns as readonly string[]).includes(sortId)
      ? [{ id: sortId, desc: sortParam.startsWith("-") }]
      : [{ id: "name", desc: false }];
  }, [sortParam]);
  return {
    q: values.q,
    squad: values.squad,
    showArchived: values.archived === "1",
    sorting,
    setQuery: (q: string) => set({ q }),
    setSquad: (squad: string) => set({ squad }),
    setShowArchived: (on: boolean) => set({ archived: on ? "1" : "" }),
    setSort: (sort: string) => set({ sort }),
  };
}

export function RosterTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: roster } = useSuspenseQuery(trpc.roster.list.queryOptions({ includeArchived: true }));
  const { data: squads } = useSuspenseQuery(trpc.roster.squads.queryOptions());
  const url = useRosterUrlState();

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
          (url.showArchived || !athlete.archived) && (!url.squad || athlete.squads.some((s) => s.id === url.squad)),
      ),
    [roster, url.showArchived, url.squad],
  );

  const columns = useMemo<ColumnDef<RosterRow>[]>(
    () => [
      {
        id: "name",
        accessorKey: "name",
        header: "Name",
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

  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting: url.sorting, globalFilter: url.q },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(url.sorting) : updater;
      const first = next[0];
      url.setSort(first ? `${first.desc ? "-" : ""}${first.id}` : "");
    },
    globalFilterFn: (row, _columnId, value: string) => row.original.name.toLowerCase().includes(value.trim().toLowerCase()),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });

  const visible = table.getRowModel().rows;

  return (
    <section aria-labelledby="roster-heading" className="grid gap-4">
      <h2 id="roster-heading" className="sr-only">
        Athletes
      </h2>
      <div className="flex flex-wrap items-end gap-4">
        <div className="grid gap-1.5">
          <Label htmlFor="roster-search">Search by name</Label>
          <Input id="roster-search" type="search" className="w-64" value={url.q} onChange={(e) => url.setQuery(e.target.value)} placeholder="e.g. Maya" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="roster-squad">Squad</Label>
          <NativeSelect id="roster-squad" value={url.squad} onChange={(e) => url.setSquad(e.target.value)}>
            <NativeSelectOption value="">All squads</NativeSelectOption>
            {squads.map((squad) => (
              <NativeSelectOption key={squad.id} value={squad.id}>
                {squad.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" className="size-4 accent-primary" checked={url.showArchived} onChange={(e) => url.setShowArchived(e.target.checked)} />
          Show archived
        </label>
        <p className="ml-auto pb-2 text-sm text-muted-foreground" aria-live="polite">
          {visible.length} of {roster.filter((a) => !a.archived).length} athletes
        </p>
      </div>
      {resetLink ? <InviteLink kind="reset" path={resetLink.resetPath} name={resetLink.name} expiresAt={resetLink.expiresAt} /> : null}
      <div className="rounded-lg border bg-card">
        <Table>
          <TableHeader>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <TableHead key={header.id} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                      {header.column.getCanSort() ? (
                        <Button variant="ghost" size="sm" className="-ml-3" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          {sorted === "asc" ? <ArrowUp aria-hidden="true" /> : sorted === "desc" ? <ArrowDown aria-hidden="true" /> : <ArrowUpDown aria-hidden="true" className="opacity-50" />}
                        </Button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </TableHead>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {visible.length === 0 ? (
              <TableRow>
                <TableCell colSpan={columns.length} className="py-10 text-center text-muted-foreground">
                  No athletes match these filters.
                </TableCell>
              </TableRow>
            ) : (
              visible.map((row) => (
                <TableRow key={row.id} data-archived={row.original.archived || undefined} className="data-[archived]:bg-muted/40">
                  {row.getVisibleCells().map((cell) => (
                    <TableCell key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</TableCell>
                  ))}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
