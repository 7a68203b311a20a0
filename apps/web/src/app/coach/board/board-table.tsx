"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, type ReactNode } from "react";
import { availabilityRank, availabilityValues, phases } from "@loadline/domain";
import { Badge } from "@loadline/ui/badge";
import { Input } from "@loadline/ui/input";
import { Label } from "@loadline/ui/label";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@loadline/ui/table";
import { Sparkline } from "@/components/charts/sparkline";
import { useTRPC } from "@/trpc/react";
import { FlagBadges } from "../_lib/flag-badges";
import { outcomeBadge, severityRank, weeklyComparedWithWords } from "@loadline/domain";
import { DAY_MS, availabilityLabels, formatDateTime, outcomeVariant, zoneVariant } from "../_lib/labels";
import type { BoardRow, Severity } from "../_lib/types";
import { useUrlState } from "@/hooks/use-url-state";
import { boardQueryInput, boardSquadFilter } from "./squad-scope";
import { ComplianceCell, ComplianceExplanation } from "@/components/compliance";


/** The worst flag a coach acts on (information-only flags do not count). */
function worstActionable(row: BoardRow): Severity | "none" {
  const s = row.assessment?.worstSeverity ?? null;
  return s === null || s === "info" ? "none" : s;
}
/** Its rank for sorting: none and information-only alike (0), then amber, red, escalate. */
const worstActionableRank = (row: BoardRow) => {
  const s = worstActionable(row);
  return s === "none" ? 0 : severityRank(s);
};

/** Sort keys: every column header, plus the two shown inside other cells (last log, ACWR). */
const sortKeys = [
  { id: "name", label: "Athlete", value: (r: BoardRow) => r.athlete.name },
  { id: "availability", label: "Availability", value: (r: BoardRow) => (r.assessment ? availabilityRank(r.assessment.availability) : -1) },
  { id: "phase", label: "Phase", value: (r: BoardRow) => r.assessment?.phase ?? 0 },
  { id: "outcome", label: "Last outcome", value: (r: BoardRow) => ["green", "amber", "red"].indexOf(r.assessment?.latestOutcome?.zone ?? "") },
  { id: "nextHighLoad", label: "Next high-load day", value: (r: BoardRow) => r.assessment?.nextHighLoadAt ?? 0 },
  // An athlete whose records need attention sorts with the most urgent rows.
  // Not assessed yet: unknown, so listed with them rather than below the healthy rows.
  { id: "flags", label: "Flags", value: (r: BoardRow) => (r.assessment ? worstActionableRank(r) * 100 + r.assessment.flags.length : r.assessmentState === "being_assessed" ? 999 : 1_000) },
  { id: "pain", label: "Morning pain, 14 days", value: (r: BoardRow) => r.pain14.at(-1)?.pain ?? -1 },
  { id: "volume", label: "Weekly running", value: (r: BoardRow) => r.assessment?.workload.weeklyVolume.current ?? -1 },
  { id: "compliance", label: "Compliance, 7 days", value: (r: BoardRow) => r.assessment?.compliance.last7.percent ?? -1 },
  { id: "acwr", label: "ACWR", value: (r: BoardRow) => r.assessment?.workload.acwr ?? -1 },
  { id: "lastLog", label: "Last log", value: (r: BoardRow) => r.daysSinceLastLog ?? 9999 },
] as const;
type SortKey = (typeof sortKeys)[number];

/**
 * The columns, chosen to fit a 1440 px screen without sideways scrolling: the last log sits
 * under the athlete's name and the workload ratio under weekly running (both still sortable).
 */
const columns = sortKeys.filter((k) => k.id !== "acwr" && k.id !== "lastLog");
const columnHeaders: Partial<Record<SortKey["id"], string>> = { pain: "Pain, 14 days", volume: "Running, ACWR", compliance: "Compliance" };

/** Estimated row height before a row is measured; rows with many flags grow. */
const ROW_ESTIMATE_PX = 60;

type ColumnId = SortKey["id"];

export function BoardTable() {
  const trpc = useTRPC();
  const router = useRouter();
  // Rows still being assessed fill in by themselves: the worker needs a few seconds.
  const { data: squads } = useSuspenseQuery(trpc.roster.squads.queryOptions());
  const { data: mine } = useSuspenseQuery(trpc.squads.mine.queryOptions());
  const { values, set } = useUrlState(["q", "squad", "availability", "severity", "phase", "sort"] as const);
  // A coach opens on the squads they look after; "all" (or one squad) on request.
  const squadFilter = boardSquadFilter(values.squad, mine);
  const { data: rows } = useSuspenseQuery({
    ...trpc.board.rows.queryOptions(boardQueryInput(squadFilter, mine)),
    refetchInterval: (query) => (query.state.data?.some((r) => r.assessmentState === "being_assessed") ? 3_000 : false),
  });

  const sortParam = values.sort || "-flags";
  const sortId = (sortKeys.some((c) => c.id === sortParam.replace(/^-/, "")) ? sortParam.replace(/^-/, "") : "flags") as ColumnId;
  const descending = sortParam.startsWith("-");

  const visible = useMemo(() => {
    const q = values.q.trim().toLowerCase();
    const filtered = rows.filter((row) => {
      const a = row.assessment;
      if (q && !row.athlete.name.toLowerCase().includes(q) && !row.athlete.eventOrSport.toLowerCase().includes(q)) return false;
      if (squadFilter === "mine" && !row.athlete.squads.some((s) => mine.includes(s.id))) return false;
      if (squadFilter !== "mine" && squadFilter !== "all" && !row.athlete.squads.some((s) => s.id === squadFilter)) return false;
      // Without an assessment only the name and squad filters can decide; other filters hide it.
      if (a === null) return !values.availability && !values.severity && !values.phase;
      if (values.availability && a.availability !== values.availability) return false;
      if (values.severity && worstActionable(row) !== values.severity) return false;
      if (values.phase === "none" && a.phase !== null) return false;
      if (values.phase === "rehab" && !a.inRehab) return false;
      if (/^[1-4]$/.test(values.phase) && a.phase !== Number(values.phase)) return false;
      return true;
    });
    const column = sortKeys.find((c) => c.id === sortId) ?? sortKeys[0];
    return filtered.sort((x, y) => {
      const vx = column.value(x);
      const vy = column.value(y);
      const order = typeof vx === "string" && typeof vy === "string" ? vx.localeCompare(vy) : Number(vx) - Number(vy);
      return (descending ? -order : order) || x.athlete.name.localeCompare(y.athlete.name);
    });
  }, [rows, values, sortId, descending, squadFilter, mine]);

  const toggleSort = (id: ColumnId) => set({ sort: sortId === id && !descending ? `-${id}` : id });

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter the board">
        <div className="grid gap-1.5">
          <Label htmlFor="board-search">Search</Label>
          <Input id="board-search" type="search" placeholder="Name or event" className="w-52" value={values.q} onChange={(e) => set({ q: e.target.value })} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="board-squad">Squad</Label>
          <NativeSelect id="board-squad" value={squadFilter} onChange={(e) => set({ squad: e.target.value })}>
            {mine.length > 0 ? <NativeSelectOption value="mine">My squads</NativeSelectOption> : null}
            <NativeSelectOption value="all">All squads</NativeSelectOption>
            {squads.map((s) => (
              <NativeSelectOption key={s.id} value={s.id}>
                {s.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="board-availability">Availability</Label>
          <NativeSelect id="board-availability" value={values.availability} onChange={(e) => set({ availability: e.target.value })}>
            <NativeSelectOption value="">Any</NativeSelectOption>
            {availabilityValues.map((v) => (
              <NativeSelectOption key={v} value={v}>
                {availabilityLabels[v]}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="board-severity">Worst flag</Label>
          <NativeSelect id="board-severity" value={values.severity} onChange={(e) => set({ severity: e.target.value })}>
            <NativeSelectOption value="">Any</NativeSelectOption>
            <NativeSelectOption value="escalate">Medical review</NativeSelectOption>
            <NativeSelectOption value="red">Red</NativeSelectOption>
            <NativeSelectOption value="amber">Amber</NativeSelectOption>
            <NativeSelectOption value="none">No flags</NativeSelectOption>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="board-phase">Phase</Label>
          <NativeSelect id="board-phase" value={values.phase} onChange={(e) => set({ phase: e.target.value })}>
            <NativeSelectOption value="">Any</NativeSelectOption>
            <NativeSelectOption value="rehab">In rehab (any phase)</NativeSelectOption>
            {phases.map((p) => (
              <NativeSelectOption key={p} value={String(p)}>
                Phase {p}
              </NativeSelectOption>
            ))}
            <NativeSelectOption value="none">Not in rehab</NativeSelectOption>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="board-sort">Sort by</Label>
          <NativeSelect id="board-sort" value={sortParam} onChange={(e) => set({ sort: e.target.value })}>
            {sortKeys.map((k) =>
              k.id === "name" ? (
                <NativeSelectOption key={k.id} value="name">
                  Athlete (A-Z)
                </NativeSelectOption>
              ) : (
                <NativeSelectOption key={k.id} value={`-${k.id}`}>
                  {k.label} (highest first)
                </NativeSelectOption>
              ),
            )}
          </NativeSelect>
        </div>
        <p className="ml-auto text-sm text-muted-foreground" aria-live="polite">
          {visible.length} of {rows.length} athletes
        </p>
      </div>

      <VirtualTable visible={visible} total={rows.length} sortId={sortId} descending={descending} onSort={toggleSort} onOpen={(id) => router.push(`/coach/athletes/${id}`)} />
      <ComplianceExplanation />
    </div>
  );
}

/**
 * The rows, virtualised: only those in and near the scrolled view are in the document (about
 * 30 for any squad size), between two spacer rows holding the height of the others. The table
 * keeps its semantics (aria-rowcount and each row's aria-rowindex tell assistive technology
 * where a row sits among all of them); the scrolling region is focusable, so the keyboard
 * scrolls it (arrows, Page Up/Down, Home/End) and tabbing moves through the rows in view.
 */
function VirtualTable({
  visible,
  total,
  sortId,
  descending,
  onSort,
  onOpen,
}: {
  visible: BoardRow[];
  total: number;
  sortId: ColumnId;
  descending: boolean;
  onSort: (id: ColumnId) => void;
  onOpen: (athleteId: string) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 8,
    getItemKey: (index) => visible[index]?.athlete.id ?? index,
    // The server renders the first screenful; the browser measures from there.
    initialRect: { width: 1100, height: 900 },
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  return (
    <div
      ref={scrollRef}
      role="region"
      aria-label={`Squad board, ${visible.length} of ${total} athletes`}
      tabIndex={0}
      className="max-h-[75vh] overflow-x-hidden overflow-y-auto rounded-lg border focus-visible:outline-2 focus-visible:outline-ring"
    >
      <table className="w-full table-fixed caption-bottom text-sm" aria-rowcount={visible.length + 1}>
        <colgroup>
          <col className="w-[15%]" />
          <col className="w-[11%]" />
          <col className="w-[8%]" />
          <col className="w-[10%]" />
          <col className="w-[10%]" />
          <col className="w-[17%]" />
          <col className="w-[10%]" />
          <col className="w-[11%]" />
          <col className="w-[8%]" />
        </colgroup>
        <TableHeader className="sticky top-0 z-10 bg-background shadow-[0_1px_0_var(--color-border)]">
          <TableRow aria-rowindex={1}>
            {columns.map((c) => (
              <TableHead key={c.id} className="whitespace-normal" aria-sort={sortId === c.id ? (descending ? "descending" : "ascending") : "none"}>
                <button type="button" className="inline-flex items-center gap-1 text-left font-medium" onClick={() => onSort(c.id)}>
                  {columnHeaders[c.id] ?? c.label}
                  {sortId === c.id ? (
                    descending ? <ArrowDown className="size-3.5 shrink-0" aria-hidden="true" /> : <ArrowUp className="size-3.5 shrink-0" aria-hidden="true" />
                  ) : (
                    <ArrowUpDown className="size-3.5 shrink-0 opacity-50" aria-hidden="true" />
                  )}
                </button>
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {visible.length === 0 ? (
            <TableRow aria-rowindex={2}>
              <TableCell colSpan={columns.length} className="py-10 text-center text-muted-foreground">
                No athletes match these filters.
              </TableCell>
            </TableRow>
          ) : (
            <>
              {before > 0 ? <SpacerRow height={before} /> : null}
              {items.map((item) => {
                const row = visible[item.index] as BoardRow;
                return (
                  <BoardRowView
                    key={item.key}
                    row={row}
                    rowIndex={item.index + 2}
                    measure={(el) => {
                      if (el) el.dataset.index = String(item.index);
                      virtualizer.measureElement(el);
                    }}
                    onOpen={() => onOpen(row.athlete.id)}
                  />
                );
              })}
              {after > 0 ? <SpacerRow height={after} /> : null}
            </>
          )}
        </TableBody>
      </table>
    </div>
  );
}

/** Holds the height of the rows not in the document, so the scrollbar stays true. */
function SpacerRow({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td colSpan={columns.length} className="p-0" />
    </tr>
  );
}

interface RowProps {
  row: BoardRow;
  rowIndex: number;
  measure: (el: HTMLTableRowElement | null) => void;
}

function BoardRowView({ row, rowIndex, measure, onOpen }: RowProps & { onOpen: () => void }) {
  const a = row.assessment;
  if (a === null) return row.assessmentState === "being_assessed" ? <BeingAssessedRow row={row} rowIndex={rowIndex} measure={measure} /> : <NeedsAttentionRow row={row} rowIndex={rowIndex} measure={measure} />;
  const volume = a.workload.weeklyVolume;
  const start = a.evaluatedAt - 13 * DAY_MS;
  const painPoints = row.pain14.map((p) => ({ day: Math.max(0, Math.round((p.at - start) / DAY_MS)), value: p.pain }));
  const latestPain = row.pain14.at(-1)?.pain;
  return (
    <TableRow
      ref={measure}
      aria-rowindex={rowIndex}
      className="cursor-pointer"
      onClick={(event) => {
        // Buttons and links inside the row keep their own behaviour.
        if ((event.target as HTMLElement).closest("a,button")) return;
        onOpen();
      }}
    >
      <AthleteCell athlete={row.athlete}>
        <AssessedAge minutes={row.assessedMinutesAgo} />
        <LastLog days={row.daysSinceLastLog} />
      </AthleteCell>
      <TableCell>
        <div className="flex flex-col items-start gap-1">
          <Badge variant={a.availability}>{availabilityLabels[a.availability]}</Badge>
          {a.medicalReviewNeeded ? <Badge variant="escalate">Medical review needed</Badge> : null}
        </div>
      </TableCell>
      <TableCell className="whitespace-normal">
        {a.phase === null ? (
          <span className="text-muted-foreground">Not in rehab</span>
        ) : (
          <>
            Phase {a.phase}
            {row.daysInPhase !== null ? <div className="text-xs text-muted-foreground">{row.daysInPhase} days in phase</div> : null}
          </>
        )}
      </TableCell>
      <TableCell>
        {a.latestOutcome ? (
          <Badge variant={outcomeVariant(outcomeBadge(a.latestOutcome).tone)}>{outcomeBadge(a.latestOutcome).label}</Badge>
        ) : (
          <span className="text-muted-foreground">None</span>
        )}
      </TableCell>
      <TableCell className="whitespace-normal">
        {a.nextHighLoadAt === null ? (
          <span className="text-muted-foreground">No limit</span>
        ) : a.nextHighLoadAt <= a.evaluatedAt ? (
          "Allowed now"
        ) : (
          formatDateTime(new Date(a.nextHighLoadAt), a.calendar)
        )}
      </TableCell>
      <TableCell className="whitespace-normal">
        <FlagBadges flags={a.flags} />
      </TableCell>
      <TableCell>
        {painPoints.length > 0 ? (
          <Sparkline
            points={painPoints}
            days={14}
            label={`Morning pain over 14 days: ${painPoints.length} check-ins, latest ${latestPain ?? "none"} of 10, highest ${Math.max(...row.pain14.map((p) => p.pain))}`}
          />
        ) : (
          <span className="text-muted-foreground">No check-ins</span>
        )}
      </TableCell>
      <TableCell className="whitespace-normal">
        {volume.current > 0 || volume.previous > 0 ? (
          <>
            {Math.round(volume.current * 10) / 10} {volume.unit === "km" ? "km" : "min"}
            {volume.changePct !== null ? (
              <div className="text-xs">
                <Badge variant={volume.zone ? zoneVariant(volume.zone) : "outline"}>
                  {volume.changePct > 0 ? "+" : ""}
                  {Math.round(volume.changePct)} % {volume.comparedWith ? weeklyComparedWithWords[volume.comparedWith] : ""}
                </Badge>
              </div>
            ) : null}
          </>
        ) : (
          <span className="text-muted-foreground">No running</span>
        )}
        <div className="mt-1 text-xs">
          {a.workload.acwr === null ? (
            <span className="text-muted-foreground" title={a.workload.acwrSummary}>
              ACWR: not enough history
            </span>
          ) : (
            <Badge variant={a.workload.acwrZone ? zoneVariant(a.workload.acwrZone) : "outline"} title={a.workload.acwrSummary}>
              ACWR {a.workload.acwr.toFixed(1)}x usual
            </Badge>
          )}
        </div>
      </TableCell>
      <TableCell className="whitespace-normal">
        <ComplianceCell compliance={a.compliance} />
      </TableCell>
    </TableRow>
  );
}

/**
 * How old the shown assessment is: re-assessment runs in the background, so a row may be a few
 * minutes behind the latest log or the clock.
 */
function AssessedAge({ minutes }: { minutes: number | null }) {
  if (minutes === null) return null;
  const text = minutes < 1 ? "just now" : minutes < 60 ? `${minutes} min ago` : minutes < 48 * 60 ? `${Math.floor(minutes / 60)} h ago` : `${Math.floor(minutes / 1440)} days ago`;
  return <div className="text-xs text-muted-foreground">assessed {text}</div>;
}

/** Days since the last session log or check-in, under the athlete's name. */
function LastLog({ days }: { days: number | null }) {
  return <div className="text-xs text-muted-foreground">Last log: {days === null ? "never" : days === 0 ? "today" : `${days} d ago`}</div>;
}

/** An athlete with no stored assessment yet: queued, shown as such until a worker has run. */
function BeingAssessedRow({ row, rowIndex, measure }: RowProps) {
  return (
    <TableRow ref={measure} aria-rowindex={rowIndex}>
      <AthleteCell athlete={row.athlete} />
      <TableCell colSpan={columns.length - 1} className="whitespace-normal">
        <Badge variant="outline">Being assessed…</Badge>
        <span className="ml-2 text-sm text-muted-foreground">Loadline is assessing this athlete&apos;s records; reload in a moment.</span>
      </TableCell>
    </TableRow>
  );
}

/** An athlete whose stored records could not be assessed: visible, marked, never hiding the board. */
function NeedsAttentionRow({ row, rowIndex, measure }: RowProps) {
  return (
    <TableRow ref={measure} aria-rowindex={rowIndex}>
      <AthleteCell athlete={row.athlete} />
      <TableCell colSpan={columns.length - 1} className="whitespace-normal">
        <Badge variant="amber">Record needs attention</Badge>
        <span className="ml-2 text-sm text-muted-foreground">
          Loadline could not assess this athlete from their stored records. The rest of the squad is unaffected; ask your physio to check their logs.
        </span>
      </TableCell>
    </TableRow>
  );
}

function AthleteCell({ athlete, children }: { athlete: BoardRow["athlete"]; children?: ReactNode }) {
  return (
    <TableCell className="whitespace-normal">
      <Link href={`/coach/athletes/${athlete.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
        {athlete.name}
      </Link>
      <div className="text-xs text-muted-foreground">{athlete.eventOrSport}</div>
      {children}
    </TableCell>
  );
}
