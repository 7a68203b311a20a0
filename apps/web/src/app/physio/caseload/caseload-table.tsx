"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@loadline/ui/badge";
import { Input } from "@loadline/ui/input";
import { Label } from "@loadline/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@loadline/ui/table";
import { useTRPC } from "@/trpc/react";

export function CaseloadTable() {
  const trpc = useTRPC();
  const { data: athletes } = useSuspenseQuery(trpc.caseload.list.queryOptions());
  const [query, setQuery] = useState("");
  const visible = athletes.filter((a) => a.name.toLowerCase().includes(query.trim().toLowerCase()));
  return (
    <div className="grid gap-4">
      <div className="grid max-w-xs gap-1.5">
        <Label htmlFor="caseload-search">Search by name</Label>
        <Input id="caseload-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <div className="rounded-lg border bg-card">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Athlete</TableHead>
              <TableHead>Event or sport</TableHead>
              <TableHead>Squads</TableHead>
              <TableHead>Account</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {visible.map((athlete) => (
              <TableRow key={athlete.id}>
                <TableCell className="font-medium">{athlete.name}</TableCell>
                <TableCell>{athlete.eventOrSport}</TableCell>
                <TableCell>{athlete.squads.map((s) => s.name).join(", ")}</TableCell>
                <TableCell>{athlete.account === "invited" ? <Badge variant="amber">Invite pending</Badge> : <Badge variant="secondary">Active</Badge>}</TableCell>
              </TableRow>
            ))}
            {visible.length === 0 ? (
              <TableRow>
                <TableCell colSpan={4} className="py-10 text-center text-muted-foreground">
                  No athletes match.
                </TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
