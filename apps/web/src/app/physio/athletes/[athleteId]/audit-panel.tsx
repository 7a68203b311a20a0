"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Badge } from "@loadline/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@loadline/ui/table";
import { useTRPC } from "@/trpc/react";
import { formatDateTime, humanize } from "../../_components/labels";
import { useClubCalendar } from "@/components/club-calendar";

export function AuditPanel({ athleteId }: { athleteId: string }) {
  const calendar = useClubCalendar();
  const trpc = useTRPC();
  const { data: entries } = useSuspenseQuery(trpc.audit.list.queryOptions({ athleteId }));
  return (
    <div className="rounded-lg border bg-card">
      <Table>
        <caption className="sr-only">Who read or changed this athlete&apos;s clinical records</caption>
        <TableHeader>
          <TableRow>
            <TableHead>When</TableHead>
            <TableHead>Who</TableHead>
            <TableHead>Action</TableHead>
            <TableHead>Record</TableHead>
            <TableHead>What</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((e) => (
            <TableRow key={e.id}>
              <TableCell className="whitespace-nowrap">{formatDateTime(e.at, calendar)}</TableCell>
              <TableCell>
                {e.actorName} <span className="text-xs text-muted-foreground">({e.actorRole})</span>
              </TableCell>
              <TableCell>
                <Badge variant={e.action === "write" ? "default" : "secondary"}>{e.action === "write" ? "Write" : "Read"}</Badge>
              </TableCell>
              <TableCell>{humanize(e.entity)}</TableCell>
              <TableCell className="max-w-md whitespace-normal">{e.detail}</TableCell>
            </TableRow>
          ))}
          {entries.length === 0 ? (
            <TableRow>
              <TableCell colSpan={5} className="py-8 text-center text-muted-foreground">
                No access recorded yet.
              </TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </div>
  );
}
