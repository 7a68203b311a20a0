"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { AppRouter, inferRouterOutputs } from "@loadline/api";
import { severities, type Severity } from "@loadline/domain";
import { Badge } from "@loadline/ui/badge";
import { Label } from "@loadline/ui/label";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@loadline/ui/table";
import { useUrlState } from "@/hooks/use-url-state";
import { useTRPC } from "@/trpc/react";
import { humanize, severityLabel } from "../_components/labels";
import { ComplianceCell, ComplianceExplanation } from "@/components/compliance";

type Row = inferRouterOutputs<AppRouter>["caseload"]["list"][number];

const sorts = {
  priority: { label: "Escalations first", compare: () => 0 },
  name: { label: "Name", compare: (a: Row, b: Row) => a.athleteName.localeCompare(b.athleteName) },
  phase: { label: "Phase", compare: (a: Row, b: Row) => (a.phase ?? 0) - (b.phase ?? 0) },
  severity: { label: "Worst open flag", compare: (a: Row, b: Row) => rank(b.worstOpenSeverity) - rank(a.worstOpenSeverity) },
  lastLog: { label: "Days since last log", compare: (a: Row, b: Row) => (b.daysSinceLastLog ?? 9999) - (a.daysSinceLastLog ?? 9999) },
  daysInPhase: { label: "Days in phase", compare: (a: Row, b: Row) => (b.daysInPhase ?? -1) - (a.daysInPhase ?? -1) },
  visaH: { label: "VISA-H change (lowest first)", compare: (a: Row, b: Row) => (a.visaHChange ?? 999) - (b.visaHChange ?? 999) },
  compliance: { label: "Compliance, 7 days (lowest first)", compare: (a: Row, b: Row) => (a.compliance?.last7.percent ?? 999) - (b.compliance?.last7.percent ?? 999) },
} as const;
type SortKey = keyof typeof sorts;

const rank = (s: Severity | null) => (s === null ? -1 : severities.indexOf(s));

/** The caseload's filters and sort, kept in the URL so a view can be bookmarked. */
function useCaseloadUrlState() {
  const { values, set } = useUrlState(["phase", "severity", "visaH", "sort"] as const);
  const sort: SortKey = values.sort in sorts ? (values.sort as SortKey) : "priority";
  return { phase: values.phase, severity: values.severity, visaH: values.visaH, sort, set: (key: "phase" | "severity" | "visaH" | "sort", value: string) => set({ [key]: value }) };
}

export function CaseloadTable() {
  const trpc = useTRPC();
  const { data: rows } = useSuspenseQuery(trpc.caseload.list.queryOptions());
  const { phase, severity, visaH, sort, set } = useCaseloadUrlState();
  const visible = rows
    .filter((r) => (phase === "" ? true : phase === "none" ? r.phase === null : String(r.phase) === phase))
    .filter((r) => (severity === "" ? true : rank(r.worstOpenSeverity) >= severities.indexOf(severity as Severity)))
    .filter((r) => (visaH === "" ? true : visaH === "improving" ? (r.visaHChange ?? 0) > 0 : visaH === "worse" ? (r.visaHChange ?? 0) < 0 : r.visaHChange === null))
    // Escalations stay on top whatever the sort.
    .sort((a, b) => Number(b.openEscalations > 0) - Number(a.openEscalations > 0) || sorts[sort].compare(a, b));
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap gap-4">
        <div className="grid gap-1.5">
          <Label htmlFor="caseload-phase">Phase</Label>
          <NativeSelect id="caseload-phase" value={phase} onChange={(e) => set("phase", e.target.value)}>
            <NativeSelectOption value="">All phases</NativeSelectOption>
            {[1, 2, 3, 4].map((p) => (
              <NativeSelectOption key={p} value={String(p)}>
                Phase {p}
              </NativeSelectOption>
            ))}
            <NativeSelectOption value="none">No plan yet</NativeSelectOption>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="caseload-severity">Open flags</Label>
          <NativeSelect id="caseload-severity" value={severity} onChange={(e) => set("severity", e.target.value)}>
            <NativeSelectOption value="">Any</NativeSelectOption>
            <NativeSelectOption value="amber">Amber or worse</NativeSelectOption>
            <NativeSelectOption value="red">Red or worse</NativeSelectOption>
            <NativeSelectOption value="escalate">Escalations only</NativeSelectOption>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="caseload-visah">VISA-H</Label>
          <NativeSelect id="caseload-visah" value={visaH} onChange={(e) => set("visaH", e.target.value)}>
            <NativeSelectOption value="">Any</NativeSelectOption>
            <NativeSelectOption value="improving">Improving</NativeSelectOption>
            <NativeSelectOption value="worse">Worse than baseline</NativeSelectOption>
            <NativeSelectOption value="none">Not recorded</NativeSelectOption>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="caseload-sort">Sort by</Label>
          <NativeSelect id="caseload-sort" value={sort} onChange={(e) => set("sort", e.target.value === "priority" ? "" : e.target.value)}>
            {Object.entries(sorts).map(([key, s]) => (
              <NativeSelectOption key={key} value={key}>
                {s.label}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>
      </div>
      <div className="rounded-lg border bg-card">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Athlete</TableHead>
              <TableHead>Phase</TableHead>
              <TableHead>Open flags</TableHead>
              <TableHead>Days in phase</TableHead>
              <TableHead>Last log</TableHead>
              <TableHead>VISA-H change</TableHead>
              <TableHead>Compliance</TableHead>
              <TableHead>Availability</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {visible.map((r) => (
              <TableRow key={r.athleteId}>
                <TableCell className="font-medium">
                  <Link className="underline-offset-4 hover:underline" href={`/physio/athletes/${r.athleteId}`}>
                    {r.athleteName}
                  </Link>
                  <div className="text-xs text-muted-foreground">{humanize(r.side)} side · {r.owningClinicianName}</div>
                </TableCell>
                <TableCell>{r.phase === null ? <Badge variant="outline">No plan yet</Badge> : `Phase ${r.phase}`}</TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-1">
                    {r.openEscalations > 0 ? <Badge variant="escalate">Escalation</Badge> : null}
                    {r.worstOpenSeverity && r.worstOpenSeverity !== "escalate" ? (
                      <Badge variant={r.worstOpenSeverity}>{severityLabel[r.worstOpenSeverity]}</Badge>
                    ) : null}
                    {r.openAlertCount === 0 ? <span className="text-muted-foreground">None</span> : <span className="text-xs text-muted-foreground">{r.openAlertCount} open</span>}
                  </div>
                </TableCell>
                <TableCell>{r.daysInPhase ?? "—"}</TableCell>
                <TableCell>{r.daysSinceLastLog === null ? "Never" : r.daysSinceLastLog === 0 ? "Today" : `${r.daysSinceLastLog} d ago`}</TableCell>
                <TableCell>{r.visaHChange === null ? "—" : `${r.visaHChange > 0 ? "+" : ""}${r.visaHChange}`}</TableCell>
                <TableCell>
                  <ComplianceCell compliance={r.compliance} />
                </TableCell>
                <TableCell>
                  {/* Without a stored assessment the availability shown is only the default. */}
                  {r.assessmentState === "being_assessed" ? (
                    <Badge variant="outline">Being assessed…</Badge>
                  ) : r.assessmentState === "needs_attention" ? (
                    <Badge variant="amber">Record needs attention</Badge>
                  ) : (
                    <Badge variant={r.availability}>{humanize(r.availability)}</Badge>
                  )}
                </TableCell>
              </TableRow>
            ))}
            {visible.length === 0 ? (
              <TableRow>
                <TableCell colSpan={8} className="py-10 text-center text-muted-foreground">
                  {rows.length === 0 ? "No open injury episodes. Choose an athlete above to open one." : "No athletes match these filters."}
                </TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </div>
      <ComplianceExplanation />
    </div>
  );
}
