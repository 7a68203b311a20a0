"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import type { AppRouter, inferRouterOutputs } from "@loadline/api";
import { Badge } from "@loadline/ui/badge";
import { useClubCalendar } from "@/components/club-calendar";
import { DataTable, type DataColumn } from "@/components/data-table";
import { useTRPC } from "@/trpc/react";
import { formatDateTime, humanize } from "../../_components/labels";

type Entry = inferRouterOutputs<AppRouter>["audit"]["list"][number];

/** Who read or changed this athlete's clinical records, newest first. */
export function AuditPanel({ athleteId }: { athleteId: string }) {
  const calendar = useClubCalendar();
  const trpc = useTRPC();
  const { data: entries } = useSuspenseQuery(trpc.audit.list.queryOptions({ athleteId }));
  const columns: DataColumn<Entry>[] = [
    { id: "at", accessorFn: (e) => e.at.getTime(), header: "When", meta: { rowHeader: true }, cell: ({ row }) => formatDateTime(row.original.at, calendar) },
    {
      id: "who",
      accessorKey: "actorName",
      header: "Who",
      cell: ({ row: { original: e } }) => (
        <>
          {e.actorName} <span className="text-xs text-muted-foreground">({e.actorRole})</span>
        </>
      ),
    },
    {
      id: "action",
      accessorKey: "action",
      header: "Action",
      cell: ({ row: { original: e } }) => <Badge variant={e.action === "write" ? "default" : "secondary"}>{e.action === "write" ? "Write" : "Read"}</Badge>,
    },
    { id: "entity", accessorFn: (e) => humanize(e.entity), header: "Record" },
    { id: "detail", accessorKey: "detail", header: "What", enableSorting: false, meta: { className: "max-w-md whitespace-normal" } },
  ];
  return <DataTable caption="Who read or changed this athlete's clinical records" data={entries} columns={columns} getRowId={(e) => e.id} empty="No access recorded yet." />;
}
