import {
  createTable,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type ColumnDef,
  type ColumnFiltersState,
  type FilterFn,
  type SortingFn,
  type SortingState,
  type TableOptions,
} from "@tanstack/react-table";
import { availabilityRank, availabilityValues, phases, severityRank } from "@loadline/domain";
import { urlParam, type UrlSort } from "@/lib/url-state";
import type { BoardRow, Severity } from "../_lib/types";

/**
 * The board's sorting and filtering as a TanStack Table model: the columns with their sort
 * values and filters, the URL's parameters (typed, `boardUrl`) and their mapping to the table's
 * state. Kept apart from the rendering so the order and the filters are unit-tested
 * (test/board-model.test.ts); a plain module, so the server page reads the same parameters.
 */

/** The worst flag a coach acts on (information-only flags do not count). */
export function worstActionable(row: BoardRow): Severity | "none" {
  const s = row.assessment?.worstSeverity ?? null;
  return s === null || s === "info" ? "none" : s;
}

/**
 * Sort value of the flags column: the worst actionable severity, then the number of flags. An
 * athlete whose records need attention sorts with the most urgent rows; one not assessed yet is
 * unknown, so listed with them rather than below the healthy rows.
 */
function flagsRank(row: BoardRow): number {
  if (!row.assessment) return row.assessmentState === "being_assessed" ? 999 : 1_000;
  const worst = worstActionable(row);
  return (worst === "none" ? 0 : severityRank(worst)) * 100 + row.assessment.flags.length;
}

const byText: SortingFn<BoardRow> = (a, b, id) => a.getValue<string>(id).localeCompare(b.getValue<string>(id));

/** Filters that only an assessment can answer hide an athlete without one. */
const phaseFilter: FilterFn<BoardRow> = (row, _id, value: string) => {
  const a = row.original.assessment;
  if (!a) return false;
  if (value === "none") return a.phase === null;
  if (value === "rehab") return a.inRehab;
  return a.phase === Number(value);
};

/** The squad filter: the coach's own squads ("mine"), every squad ("all") or one squad's id. */
export interface SquadScope {
  filter: string;
  mine: readonly string[];
}

const squadFilter: FilterFn<BoardRow> = (row, _id, scope: SquadScope) => {
  const squads = row.original.athlete.squads;
  if (scope.filter === "all") return true;
  if (scope.filter === "mine") return squads.some((s) => scope.mine.includes(s.id));
  return squads.some((s) => s.id === scope.filter);
};

/**
 * Every sortable column: the nine shown, plus the last log (shown under the athlete's name) and
 * the workload ratio (under weekly running), hidden but sortable, and the squads, hidden and
 * filtered on (names in `columnLabels`).
 */
export const boardColumns: ColumnDef<BoardRow>[] = [
  {
    id: "name",
    accessorFn: (r) => r.athlete.name,
    sortingFn: byText,
    // The search box: the athlete's name or event.
    filterFn: (row, _id, query: string) => {
      const q = query.trim().toLowerCase();
      return row.original.athlete.name.toLowerCase().includes(q) || row.original.athlete.eventOrSport.toLowerCase().includes(q);
    },
  },
  {
    id: "availability",
    accessorFn: (r) => (r.assessment ? availabilityRank(r.assessment.availability) : -1),
    filterFn: (row, _id, value: string) => row.original.assessment?.availability === value,
  },
  { id: "phase", accessorFn: (r) => r.assessment?.phase ?? 0, filterFn: phaseFilter },
  { id: "outcome", accessorFn: (r) => ["green", "amber", "red"].indexOf(r.assessment?.latestOutcome?.zone ?? "") },
  { id: "nextHighLoad", accessorFn: (r) => r.assessment?.nextHighLoadAt ?? 0 },
  {
    id: "flags",
    accessorFn: flagsRank,
    filterFn: (row, _id, value: string) => row.original.assessment !== null && worstActionable(row.original) === value,
  },
  { id: "pain", accessorFn: (r) => r.pain14.at(-1)?.pain ?? -1 },
  { id: "volume", accessorFn: (r) => r.assessment?.workload.weeklyVolume.current ?? -1 },
  { id: "compliance", accessorFn: (r) => r.assessment?.compliance.last7.percent ?? -1 },
  { id: "acwr", accessorFn: (r) => r.assessment?.workload.acwr ?? -1 },
  { id: "lastLog", accessorFn: (r) => r.daysSinceLastLog ?? 9999 },
  { id: "squads", accessorFn: (r) => r.athlete.squads.map((s) => s.id).join(" "), enableSorting: false, filterFn: squadFilter },
];

/**
 * Shown as table columns, chosen to fit a 1440 px screen without sideways scrolling: the last
 * log sits under the athlete's name and the workload ratio under weekly running.
 */
export const hiddenColumns = { acwr: false, lastLog: false, squads: false } as const;

/** The columns a header or the "Sort by" list sorts by (every column but the squads). */
export const sortableColumnIds = ["name", "availability", "phase", "outcome", "nextHighLoad", "flags", "pain", "volume", "compliance", "acwr", "lastLog"] as const;
export type BoardSortId = (typeof sortableColumnIds)[number];
export const isSortId = (id: string): id is BoardSortId => (sortableColumnIds as readonly string[]).includes(id);

/** Each sortable column's name in the "Sort by" list, and the shorter text of its header where they differ. */
export const columnLabels: Record<BoardSortId, { label: string; header?: string }> = {
  name: { label: "Athlete" },
  availability: { label: "Availability" },
  phase: { label: "Phase" },
  outcome: { label: "Last outcome" },
  nextHighLoad: { label: "Next high-load day" },
  flags: { label: "Flags" },
  pain: { label: "Morning pain, 14 days", header: "Pain, 14 days" },
  volume: { label: "Weekly running", header: "Running, ACWR" },
  compliance: { label: "Compliance, 7 days", header: "Compliance" },
  acwr: { label: "ACWR" },
  lastLog: { label: "Last log" },
};

export const severityFilterValues = ["", "escalate", "red", "amber", "none"] as const;

/**
 * The board's view in the URL, so a coach can bookmark or share it: the search, the squad
 * ("" for the coach's own, see `boardSquadFilter`), the filters and the sort (`?sort=name`,
 * `?sort=-flags` for highest first, the default). Unknown values read as "any".
 */
export const boardUrl = {
  q: urlParam.text(),
  squad: urlParam.id(),
  availability: urlParam.oneOf(["", ...availabilityValues], ""),
  severity: urlParam.oneOf(severityFilterValues, ""),
  phase: urlParam.oneOf(["", "rehab", "none", ...phases.map(String)], ""),
  sort: urlParam.sort(sortableColumnIds, { id: "flags", desc: true }),
};

/** The filters the board's filter bar sets (the URL's parameters), empty when not set. */
export interface BoardFilters {
  q: string;
  availability: string;
  severity: string;
  phase: string;
  squad: SquadScope;
}

/** The filter bar's values as the table's column filters (an empty value filters nothing). */
export function columnFiltersOf(filters: BoardFilters): ColumnFiltersState {
  const state: ColumnFiltersState = [{ id: "squads", value: filters.squad }];
  if (filters.q.trim()) state.push({ id: "name", value: filters.q });
  if (filters.availability) state.push({ id: "availability", value: filters.availability });
  if (filters.severity) state.push({ id: "flags", value: filters.severity });
  if (filters.phase) state.push({ id: "phase", value: filters.phase });
  return state;
}

/** Ties keep the name order: rows enter the table sorted by name, and the table's sort is stable. */
export function byName(rows: readonly BoardRow[]): BoardRow[] {
  return [...rows].sort((x, y) => x.athlete.name.localeCompare(y.athlete.name));
}

/**
 * The table's options for rows, filters and sort, shared by the board (`useReactTable`) and
 * `visibleRows` below. A header's sorting change goes to `onSort`, for the URL.
 */
export function boardTableOptions(
  rows: BoardRow[],
  filters: BoardFilters,
  sort: UrlSort<BoardSortId>,
  onSort: (sort: UrlSort<BoardSortId>) => void,
): TableOptions<BoardRow> {
  const sorting: SortingState = [sort];
  return {
    data: rows,
    columns: boardColumns,
    state: { sorting, columnFilters: columnFiltersOf(filters), columnVisibility: hiddenColumns },
    // A header toggles ascending and descending only; the board always has an order.
    enableSortingRemoval: false,
    // No pages and no expanded rows to reset: left on, every new filter or sort queues a state
    // update of the table's own (a page index back to 0) in a microtask, which re-renders it,
    // which recomputes the row model and queues another, without end.
    autoResetAll: false,
    sortDescFirst: false,
    onSortingChange: (updater) => {
      const first = (typeof updater === "function" ? updater(sorting) : updater)[0];
      if (first && isSortId(first.id)) onSort({ id: first.id, desc: first.desc });
    },
    getRowId: (row) => row.athlete.id,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  };
}

/** The rows the board shows, in order, for the given filters and sort (outside React). */
export function visibleRows(rows: BoardRow[], filters: BoardFilters, sort: UrlSort<BoardSortId>): BoardRow[] {
  const options = boardTableOptions(byName(rows), filters, sort, () => undefined);
  const table = createTable<BoardRow>({ ...options, onStateChange: () => undefined, renderFallbackValue: null, state: {} });
  table.setOptions((previous) => ({ ...previous, state: { ...table.initialState, ...options.state } }));
  return table.getRowModel().rows.map((row) => row.original);
}
