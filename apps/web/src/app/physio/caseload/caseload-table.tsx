"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { AppRouter, inferRouterOutputs } from "@loadline/api";
import { severities, type Severity } from "@loadline/domain";
import { Badge } from "@loadline/ui/badge";
import { DataTable, type DataColumn } from "@/components/data-table";
import { FilterBar, FilterSelect } from "@/components/filter-bar";
import { urlParam, useUrlState } from "@/hooks/use-url-state";
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
const sortKeys = Object.keys(sorts) as SortKey[];

const rank = (s: Severity | null) => (s === null ? -1 : severities.indexOf(s));

/** The caseload's filters and sort, kept in the URL so a view can be bookmarked. */
const caseloadUrl = {
  phase: urlParam.oneOf(["", "1", "2", "3", "4", "none"], ""),
  severity: urlParam.oneOf(["", "amber", "red", "escalate"], ""),
  visaH: urlParam.oneOf(["", "improving", "worse", "none"], ""),
  sort: urlParam.oneOf(sortKeys, "priority"),
};

const columns: DataColumn<Row>[] = [
  {
    id: "athlete",
    header: "Athlete",
    meta: { rowHeader: true },
    cell: ({ row: { original: r } }) => (
      <>
        <Link className="underline-offset-4 hover:underline" href={`/physio/athletes/${r.athleteId}`}>
          {r.athleteName}
        </Link>
        <div className="text-xs font-normal text-muted-foreground">
          {humanize(r.side)} side · {r.owningClinicianName}
        </div>
      </>
    ),
  },
  { id: "phase", header: "Phase", cell: ({ row: { original: r } }) => (r.phase === null ? <Badge variant="outline">No plan yet</Badge> : `Phase ${r.phase}`) },
  {
    id: "flags",
    header: "Open flags",
    cell: ({ row: { original: r } }) => (
      <div className="flex flex-wrap gap-1">
        {r.openEscalations > 0 ? <Badge variant="escalate">Escalation</Badge> : null}
        {r.worstOpenSeverity && r.worstOpenSeverity !== "escalate" ? <Badge variant={r.worstOpenSeverity}>{severityLabel[r.worstOpenSeverity]}</Badge> : null}
        {r.openAlertCount === 0 ? <span className="text-muted-foreground">None</span> : <span className="text-xs text-muted-foreground">{r.openAlertCount} open</span>}
      </div>
    ),
  },
  { id: "daysInPhase", header: "Days in phase", cell: ({ row: { original: r } }) => r.daysInPhase ?? "—" },
  {
    id: "lastLog",
    header: "Last log",
    cell: ({ row: { original: r } }) => (r.daysSinceLastLog === null ? "Never" : r.daysSinceLastLog === 0 ? "Today" : `${r.daysSinceLastLog} d ago`),
  },
  { id: "visaH", header: "VISA-H change", cell: ({ row: { original: r } }) => (r.visaHChange === null ? "—" : `${r.visaHChange > 0 ? "+" : ""}${r.visaHChange}`) },
  { id: "compliance", header: "Compliance", cell: ({ row: { original: r } }) => <ComplianceCell compliance={r.compliance} /> },
  {
    id: "availability",
    header: "Availability",
    // Without a stored assessment the availability shown is only the default.
    cell: ({ row: { original: r } }) =>
      r.assessmentState === "being_assessed" ? (
        <Badge variant="outline">Being assessed…</Badge>
      ) : r.assessmentState === "needs_attention" ? (
        <Badge variant="amber">Record needs attention</Badge>
      ) : (
        <Badge variant={r.availability}>{humanize(r.availability)}</Badge>
      ),
  },
];

export function CaseloadTable() {
  const trpc = useTRPC();
  const { data: rows } = useSuspenseQuery(trpc.caseload.list.queryOptions());
  const { values, set } = useUrlState(caseloadUrl);
  const { phase, severity, visaH, sort } = values;
  const visible = rows
    .filter((r) => (phase === "" ? true : phase === "none" ? r.phase === null : String(r.phase) === phase))
    .filter((r) => (severity === "" ? true : rank(r.worstOpenSeverity) >= severities.indexOf(severity)))
    .filter((r) => (visaH === "" ? true : visaH === "improving" ? r.visaHMeaningfulImprovement === true : visaH === "worse" ? (r.visaHChange ?? 0) < 0 : r.visaHChange === null))
    // Escalations stay on top whatever the sort.
    .sort((a, b) => Number(b.openEscalations > 0) - Number(a.openEscalations > 0) || sorts[sort].compare(a, b));
  return (
    <div className="grid gap-4">
      <FilterBar label="Filter the caseload" summary={`${visible.length} of ${rows.length} athletes`}>
        <FilterSelect
          id="caseload-phase"
          label="Phase"
          value={phase}
          onChange={(phase) => set({ phase })}
          options={[
            { value: "", label: "All phases" },
            ...(["1", "2", "3", "4"] as const).map((p) => ({ value: p, label: `Phase ${p}` })),
            { value: "none", label: "No plan yet" },
          ]}
        />
        <FilterSelect
          id="caseload-severity"
          label="Open flags"
          value={severity}
          onChange={(severity) => set({ severity })}
          options={[
            { value: "", label: "Any" },
            { value: "amber", label: "Amber or worse" },
            { value: "red", label: "Red or worse" },
            { value: "escalate", label: "Escalations only" },
          ]}
        />
        <FilterSelect
          id="caseload-visah"
          label="VISA-H"
          value={visaH}
          onChange={(visaH) => set({ visaH })}
          options={[
            { value: "", label: "Any" },
            { value: "improving", label: "Meaningfully improved" },
            { value: "worse", label: "Worse than baseline" },
            { value: "none", label: "Not recorded" },
          ]}
        />
        <FilterSelect
          id="caseload-sort"
          label="Sort by"
          value={sort}
          onChange={(sort) => set({ sort })}
          options={sortKeys.map((key) => ({ value: key, label: sorts[key].label }))}
        />
      </FilterBar>
      <DataTable
        caption="Caseload"
        data={visible}
        columns={columns}
        getRowId={(r) => r.athleteId}
        enableSorting={false}
        empty={rows.length === 0 ? "No open injury episodes. Choose an athlete above to open one." : "No athletes match these filters."}
      />
      <ComplianceExplanation />
    </div>
  );
}
