"use client";
import { flexRender, useReactTable, type CellContext, type Row } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { availabilityValues, outcomeBadge, phases, weeklyComparedWithWords } from "@loadline/domain";
import { Badge } from "@loadline/ui/badge";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@loadline/ui/table";
import { Sparkline } from "@/components/charts/sparkline";
import { ComplianceCell, ComplianceExplanation } from "@/components/compliance";
import { FilterBar, FilterSearch, FilterSelect, type FilterOption } from "@/components/filter-bar";
import { useUrlState, type UrlSort } from "@/hooks/use-url-state";
import { FlagBadges } from "../_lib/flag-badges";
import { FlagTipArea } from "../_lib/flag-tip";
import { DAY_MS, availabilityLabels, formatDateTime, outcomeVariant, zoneVariant } from "../_lib/labels";
import type { BoardRow } from "../_lib/types";
import { boardTableOptions, boardUrl, byName, columnLabels, isSortId, sortableColumnIds, type BoardSortId, type severityFilterValues } from "./board-model";
import { boardQueryInput, boardSquadFilter } from "./squad-scope";

/** Estimated row height before a row is measured; rows with many flags grow. */
const ROW_ESTIMATE_PX = 60;
/** How often rows still being assessed are asked for again (the worker needs a few seconds). */
const POLL_MS = 3_000;

export interface BoardSquad {
  id: string;
  name: string;
}

/** Rows older than this are asked for again when the coach comes back to the tab. */
const STALE_MS = 30_000;

/**
 * The board's rows: those the server rendered the page with, fetched again for another squad
 * choice, when the coach comes back to the tab after a while, and, while any row is still being
 * assessed, every few seconds until it is. The API client is loaded only then, so the board's
 * first load carries none of it.
 */
function useBoardRows(initialRows: BoardRow[], squadFilter: string, mine: string[]): BoardRow[] {
  const key = JSON.stringify(boardQueryInput(squadFilter, mine));
  const [loaded, setLoaded] = useState(() => ({ key, rows: initialRows, fetchedAt: Date.now(), failures: 0, refocused: false }));
  const current = loaded.key === key;
  const waiting = loaded.rows.some((r) => r.assessmentState === "being_assessed");

  useEffect(() => {
    const visible = () => {
      if (document.visibilityState === "visible") setLoaded((l) => (Date.now() - l.fetchedAt > STALE_MS ? { ...l, refocused: true } : l));
    };
    document.addEventListener("visibilitychange", visible);
    return () => document.removeEventListener("visibilitychange", visible);
  }, []);

  useEffect(() => {
    if (current && !waiting && !loaded.refocused) return;
    let cancelled = false;
    // Another squad or a return to the tab: at once; a row being assessed: after a pause; after
    // a failed fetch (the rows shown stay): after a pause doubling each time, up to 48 s.
    const delay = loaded.failures > 0 ? POLL_MS * 2 ** Math.min(loaded.failures, 4) : !current || loaded.refocused ? 0 : POLL_MS;
    const timer = window.setTimeout(() => {
      void import("@/trpc/client")
        .then(({ getTRPCClient }) => getTRPCClient().board.rows.query(boardQueryInput(squadFilter, mine)))
        .then(
          (rows) => !cancelled && setLoaded({ key, rows, fetchedAt: Date.now(), failures: 0, refocused: false }),
          () => !cancelled && setLoaded((l) => ({ ...l, failures: l.failures + 1 })),
        );
    }, delay);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [key, current, waiting, loaded, squadFilter, mine]);
  return loaded.rows;
}

export function BoardTable({ initialRows, squads, mine }: { initialRows: BoardRow[]; squads: BoardSquad[]; mine: string[] }) {
  const router = useRouter();
  const { values, set } = useUrlState(boardUrl);
  // A coach opens on the squads they look after; "all" (or one squad) on request.
  const squadFilter = boardSquadFilter(values.squad, mine);
  const rows = useBoardRows(initialRows, squadFilter, mine);
  const data = useMemo(() => byName(rows), [rows]);
  // The same options (filters, sort) while nothing changed, so the table works its row models
  // out again only when something did.
  const sortKey = `${values.sort.desc ? "-" : ""}${values.sort.id}`;
  const setRef = useRef(set);
  useEffect(() => {
    setRef.current = set;
  });
  const onSort = useCallback((sort: UrlSort<BoardSortId>) => setRef.current({ sort }), []);
  const options = useMemo(
    () =>
      boardTableOptions(
        data,
        { q: values.q, availability: values.availability, severity: values.severity, phase: values.phase, squad: { filter: squadFilter, mine } },
        boardUrl.sort.parse(sortKey),
        onSort,
      ),
    [data, values.q, values.availability, values.severity, values.phase, squadFilter, mine, sortKey, onSort],
  );
  const table = useReactTable(options);
  const visible = table.getRowModel().rows;
  const openAthlete = useCallback((athleteId: string) => router.push(`/coach/athletes/${athleteId}`), [router]);

  return (
    <div className="grid gap-4">
      <FilterBar label="Filter the board" summary={`${visible.length} of ${rows.length} athletes`}>
        <FilterSearch id="board-search" label="Search" placeholder="Name or event" className="w-52" value={values.q} onChange={(q) => set({ q })} />
        <FilterSelect
          id="board-squad"
          label="Squad"
          value={squadFilter}
          onChange={(squad) => set({ squad })}
          options={[...(mine.length > 0 ? [{ value: "mine", label: "My squads" }] : []), { value: "all", label: "All squads" }, ...squads.map((s) => ({ value: s.id, label: s.name }))]}
        />
        <FilterSelect
          id="board-availability"
          label="Availability"
          value={values.availability}
          onChange={(availability) => set({ availability })}
          options={[{ value: "", label: "Any" }, ...availabilityValues.map((v) => ({ value: v, label: availabilityLabels[v] }))]}
        />
        <FilterSelect id="board-severity" label="Worst flag" value={values.severity} onChange={(severity) => set({ severity })} options={severityOptions} />
        <FilterSelect id="board-phase" label="Phase" value={values.phase} onChange={(phase) => set({ phase })} options={phaseOptions} />
        <FilterSelect
          id="board-sort"
          label="Sort by"
          value={sortValue(values.sort)}
          onChange={(value) => set({ sort: boardUrl.sort.parse(value) })}
          options={sortableColumnIds.map((id) => (id === "name" ? { value: "name", label: "Athlete (A-Z)" } : { value: `-${id}`, label: `${columnLabels[id].label} (highest first)` }))}
        />
      </FilterBar>

      <VirtualTable table={table} visible={visible} total={rows.length} onOpen={openAthlete} />
      <ComplianceExplanation />
    </div>
  );
}

const severityOptions = [
  { value: "", label: "Any" },
  { value: "escalate", label: "Medical review" },
  { value: "red", label: "Red" },
  { value: "amber", label: "Amber" },
  { value: "none", label: "No flags" },
] satisfies FilterOption<(typeof severityFilterValues)[number]>[];

const phaseOptions: FilterOption<string>[] = [
  { value: "", label: "Any" },
  { value: "rehab", label: "In rehab (any phase)" },
  ...phases.map((p) => ({ value: String(p), label: `Phase ${p}` })),
  { value: "none", label: "Not in rehab" },
];

/** The "Sort by" list's value of a sort: the URL's own form ("name", "-flags"). */
const sortValue = (sort: UrlSort<BoardSortId>) => `${sort.desc ? "-" : ""}${sort.id}`;

/**
 * The rows, virtualised: only those in and near the scrolled view are in the document (about
 * 30 for any squad size), between two spacer rows holding the height of the others. The table
 * keeps its semantics (aria-rowcount and each row's aria-rowindex tell assistive technology
 * where a row sits among all of them); the scrolling region is focusable, so the keyboard
 * scrolls it (arrows, Page Up/Down, Home/End) and tabbing moves through the rows in view.
 */
function VirtualTable({ table, visible, total, onOpen }: { table: BoardTableModel; visible: Row<BoardRow>[]; total: number; onOpen: (athleteId: string) => void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 5,
    getItemKey: (index) => visible[index]?.id ?? index,
    // The server renders the first screenful (the region is at most 75 % of the window's
    // height); the browser measures from there.
    initialRect: { width: 1100, height: 700 },
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const columnCount = headers.length;
  return (
    <FlagTipArea>
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
              {headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const id = header.column.id;
                const labels = isSortId(id) ? columnLabels[id] : null;
                return (
                  <TableHead key={header.id} className="whitespace-normal" aria-sort={sorted === "desc" ? "descending" : sorted === "asc" ? "ascending" : "none"}>
                    <button type="button" className="inline-flex items-center gap-1 text-left font-medium" onClick={header.column.getToggleSortingHandler()}>
                      {labels?.header ?? labels?.label}
                      {sorted === "desc" ? (
                        <ArrowDown className="size-3.5 shrink-0" aria-hidden="true" />
                      ) : sorted === "asc" ? (
                        <ArrowUp className="size-3.5 shrink-0" aria-hidden="true" />
                      ) : (
                        <ArrowUpDown className="size-3.5 shrink-0 opacity-50" aria-hidden="true" />
                      )}
                    </button>
                  </TableHead>
                );
              })}
            </TableRow>
          </TableHeader>
          <TableBody>
            {visible.length === 0 ? (
              <TableRow aria-rowindex={2}>
                <TableCell colSpan={columnCount} className="py-10 text-center text-muted-foreground">
                  No athletes match these filters.
                </TableCell>
              </TableRow>
            ) : (
              <>
                {before > 0 ? <SpacerRow height={before} columns={columnCount} /> : null}
                {items.map((item) => {
                  const row = visible[item.index] as Row<BoardRow>;
                  return (
                    <BoardRowView
                      key={item.key}
                      row={row}
                      rowIndex={item.index + 2}
                      columns={columnCount}
                      index={item.index}
                      measure={virtualizer.measureElement}
                      onOpen={onOpen}
                    />
                  );
                })}
                {after > 0 ? <SpacerRow height={after} columns={columnCount} /> : null}
              </>
            )}
          </TableBody>
        </table>
      </div>
    </FlagTipArea>
  );
}

type BoardTableModel = ReturnType<typeof useReactTable<BoardRow>>;

/** Holds the height of the rows not in the document, so the scrollbar stays true. */
function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td colSpan={columns} className="p-0" />
    </tr>
  );
}

interface RowProps {
  row: Row<BoardRow>;
  rowIndex: number;
  /** The row's place among the shown rows, which the virtualiser reads back when measuring it. */
  index: number;
  columns: number;
  measure: (el: HTMLTableRowElement | null) => void;
}

/**
 * One athlete's row. Memoised with stable props (the table's row objects, the virtualiser's own
 * `measureElement`): measuring the rows after the first paint re-renders the list, not the rows.
 */
const BoardRowView = memo(function BoardRowView({ row, rowIndex, index, columns, measure, onOpen }: RowProps & { onOpen: (athleteId: string) => void }) {
  const r = row.original;
  if (r.assessment === null) {
    return r.assessmentState === "being_assessed" ? (
      <BeingAssessedRow row={row} rowIndex={rowIndex} index={index} columns={columns} measure={measure} />
    ) : (
      <NeedsAttentionRow row={row} rowIndex={rowIndex} index={index} columns={columns} measure={measure} />
    );
  }
  return (
    <TableRow
      ref={measure}
      data-index={index}
      aria-rowindex={rowIndex}
      className="cursor-pointer"
      onClick={(event) => {
        // Buttons and links inside the row keep their own behaviour.
        if ((event.target as HTMLElement).closest("a,button")) return;
        onOpen(r.athlete.id);
      }}
    >
      {row.getVisibleCells().map((cell) => (
        <TableCell key={cell.id} className={cell.column.id === "availability" || cell.column.id === "outcome" ? undefined : "whitespace-normal"}>
          {flexRender(BoardCell, cell.getContext())}
        </TableCell>
      ))}
    </TableRow>
  );
});

type Assessment = NonNullable<BoardRow["assessment"]>;

/** The content of one cell of an assessed athlete's row, by column. */
function BoardCell({ row: { original: r }, column }: CellContext<BoardRow, unknown>): ReactNode {
  const a = r.assessment as Assessment;
  switch (column.id) {
    case "name":
      return (
        <AthleteName athlete={r.athlete}>
          <AssessedAge minutes={r.assessedMinutesAgo} />
          <LastLog days={r.daysSinceLastLog} />
        </AthleteName>
      );
    case "availability":
      return (
        <div className="flex flex-col items-start gap-1">
          <Badge variant={a.availability}>{availabilityLabels[a.availability]}</Badge>
          {a.medicalReviewNeeded ? <Badge variant="escalate">Medical review needed</Badge> : null}
        </div>
      );
    case "phase":
      return a.phase === null ? (
        <span className="text-muted-foreground">Not in rehab</span>
      ) : (
        <>
          Phase {a.phase}
          {r.daysInPhase !== null ? <div className="text-xs text-muted-foreground">{r.daysInPhase} days in phase</div> : null}
        </>
      );
    case "outcome":
      return a.latestOutcome ? (
        <Badge variant={outcomeVariant(outcomeBadge(a.latestOutcome).tone)}>{outcomeBadge(a.latestOutcome).label}</Badge>
      ) : (
        <span className="text-muted-foreground">None</span>
      );
    case "nextHighLoad":
      return a.nextHighLoadAt === null ? (
        <span className="text-muted-foreground">No limit</span>
      ) : a.nextHighLoadAt <= a.evaluatedAt ? (
        "Allowed now"
      ) : (
        formatDateTime(new Date(a.nextHighLoadAt), a.calendar)
      );
    case "flags":
      return <FlagBadges flags={a.flags} />;
    case "pain":
      return <PainCell row={r} assessment={a} />;
    case "volume":
      return <VolumeCell assessment={a} />;
    case "compliance":
      return <ComplianceCell compliance={a.compliance} />;
    default:
      return null;
  }
}

function PainCell({ row, assessment }: { row: BoardRow; assessment: Assessment }) {
  const start = assessment.evaluatedAt - 13 * DAY_MS;
  const points = row.pain14.map((p) => ({ day: Math.max(0, Math.round((p.at - start) / DAY_MS)), value: p.pain }));
  if (points.length === 0) return <span className="text-muted-foreground">No check-ins</span>;
  const latest = row.pain14.at(-1)?.pain;
  return (
    <Sparkline
      points={points}
      days={14}
      label={`Morning pain over 14 days: ${points.length} check-ins, latest ${latest ?? "none"} of 10, highest ${Math.max(...row.pain14.map((p) => p.pain))}`}
    />
  );
}

function VolumeCell({ assessment: a }: { assessment: Assessment }) {
  const volume = a.workload.weeklyVolume;
  return (
    <>
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
    </>
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
function BeingAssessedRow({ row, rowIndex, index, columns, measure }: RowProps) {
  return (
    <TableRow ref={measure} data-index={index} aria-rowindex={rowIndex}>
      <AthleteCell athlete={row.original.athlete} />
      <TableCell colSpan={columns - 1} className="whitespace-normal">
        <Badge variant="outline">Being assessed…</Badge>
        <span className="ml-2 text-sm text-muted-foreground">Loadline is assessing this athlete&apos;s records; reload in a moment.</span>
      </TableCell>
    </TableRow>
  );
}

/** An athlete whose stored records could not be assessed: visible, marked, never hiding the board. */
function NeedsAttentionRow({ row, rowIndex, index, columns, measure }: RowProps) {
  return (
    <TableRow ref={measure} data-index={index} aria-rowindex={rowIndex}>
      <AthleteCell athlete={row.original.athlete} />
      <TableCell colSpan={columns - 1} className="whitespace-normal">
        <Badge variant="amber">Record needs attention</Badge>
        <span className="ml-2 text-sm text-muted-foreground">
          Loadline could not assess this athlete from their stored records. The rest of the squad is unaffected; ask your physio to check their logs.
        </span>
      </TableCell>
    </TableRow>
  );
}

function AthleteCell({ athlete }: { athlete: BoardRow["athlete"] }) {
  return (
    <TableCell className="whitespace-normal">
      <AthleteName athlete={athlete} />
    </TableCell>
  );
}

function AthleteName({ athlete, children }: { athlete: BoardRow["athlete"]; children?: ReactNode }) {
  return (
    <>
      {/* Not prefetched: a board holds dozens of athletes and the coach opens one or two. */}
      <Link href={`/coach/athletes/${athlete.id}`} prefetch={false} className="font-medium text-primary underline-offset-4 hover:underline">
        {athlete.name}
      </Link>
      <div className="text-xs text-muted-foreground">{athlete.eventOrSport}</div>
      {children}
    </>
  );
}
