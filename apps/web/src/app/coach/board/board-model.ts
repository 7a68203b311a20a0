import {
  createTable,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type ColumnDef,
  type ColumnFiltersState,
  type FilterFn,
  type RowData,
  type SortingFn,
  type SortingState,
  type TableOptions,
  type TableOptionsResolved,
} from "@tanstack/react-table";
import { availabilityRank, severityRank } from "@loadline/domain";
import type { BoardRow, Severity } from "../_lib/types";

/**
 * The board's sorting and filtering as a TanStack Table model: the columns with their sort
 * values and filters, and the mapping from the URL's parameters to the table's state. Kept
 * apart from the rendering so the order and the filters are unit-tested (test/board-model.test.ts).
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
 * filtered on. `meta.label` names the column in the "Sort by" list; `meta.header` is the
 * shorter text of its header where the two differ.
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
    meta: { label: "Athlete" },
  },
  {
    id: "availability",
    accessorFn: (r) => (r.assessment ? availabilityRank(r.assessment.availability) : -1),
    filterFn: (row, _id, value: string) => row.original.assessment?.availability === value,
    meta: { label: "Availability" },
  },
  { id: "phase", accessorFn: (r) => r.assessment?.phase ?? 0, filterFn: phaseFilter, meta: { label: "Phase" } },
  { id: "outcome", accessorFn: (r) => ["green", "amber", "red"].indexOf(r.assessment?.latestOutcome?.zone ?? ""), meta: { label: "Last outcome" } },
  { id: "nextHighLoad", accessorFn: (r) => r.assessment?.nextHighLoadAt ?? 0, meta: { label: "Next high-load day" } },
  {
    id: "flags",
    accessorFn: flagsRank,
    filterFn: (row, _id, value: string) => row.original.assessment !== null && worstActionable(row.original) === value,
    meta: { label: "Flags" },
  },
  { id: "pain", accessorFn: (r) => r.pain14.at(-1)?.pain ?? -1, meta: { label: "Morning pain, 14 days", header: "Pain, 14 days" } },
  { id: "volume", accessorFn: (r) => r.assessment?.workload.weeklyVolume.current ?? -1, meta: { label: "Weekly running", header: "Running, ACWR" } },
  { id: "compliance", accessorFn: (r) => r.assessment?.compliance.last7.percent ?? -1, meta: { label: "Compliance, 7 days", header: "Compliance" } },
  { id: "acwr", accessorFn: (r) => r.assessment?.workload.acwr ?? -1, meta: { label: "ACWR" } },
  { id: "lastLog", accessorFn: (r) => r.daysSinceLastLog ?? 9999, meta: { label: "Last log" } },
  { id: "squads", accessorFn: (r) => r.athlete.squads.map((s) => s.id).join(" "), enableSorting: false, filterFn: squadFilter, meta: { label: "Squads" } },
];

declare module "@tanstack/react-table" {
  // The type parameters must match the library's declaration.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    label: string;
    header?: string;
  }
}

/**
 * Shown as table columns, chosen to fit a 1440 px screen without sideways scrolling: the last
 * log sits under the athlete's name and the workload ratio under weekly running.
 */
export const hiddenColumns = { acwr: false, lastLog: false, squads: false } as const;

export type BoardColumnId = "name" | "availability" | "phase" | "outcome" | "nextHighLoad" | "flags" | "pain" | "volume" | "compliance" | "acwr" | "lastLog";
const sortableIds = new Set(boardColumns.filter((c) => c.enableSorting !== false).map((c) => c.id));

/** The URL's `sort` parameter ("name", "-flags": a minus for highest first) as the table's sorting. */
export function sortingOf(sortParam: string): SortingState {
  const param = sortParam || "-flags";
  const id = param.replace(/^-/, "");
  return sortableIds.has(id) ? [{ id, desc: param.startsWith("-") }] : [{ id: "flags", desc: true }];
}

/** And back: the table's sorting as the URL's `sort` parameter. */
export function sortParamOf(sorting: SortingState): string {
  const first = sorting[0];
  return first ? `${first.desc ? "-" : ""}${first.id}` : "";
}

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
  if (filters.phase === "none" || filters.phase === "rehab" || /^[1-4]$/.test(filters.phase)) state.push({ id: "phase", value: filters.phase });
  return state;
}

/** Ties keep the name order: rows enter the table sorted by name, and the table's sort is stable. */
export function byName(rows: readonly BoardRow[]): BoardRow[] {
  return [...rows].sort((x, y) => x.athlete.name.localeCompare(y.athlete.name));
}

/**
 * The table's options for rows, filters and sort, shared by the board (`useReactTable`) and
 * `visibleRows` below. Sorting changes go to `onSort` as the URL's parameter.
 */
export function boardTableOptions(
  rows: BoardRow[],
  filters: BoardFilters,
  sortParam: string,
  onSort: (sortParam: string) => void,
): TableOptions<BoardRow> {
  const sorting = sortingOf(sortParam);
  return {
    data: rows,
    columns: boardColumns,
    state: { sorting, columnFilters: columnFiltersOf(filters), columnVisibility: hiddenColumns },
    // A header toggles ascending and descending only; the board always has an order.
    enableSortingRemoval: false,
    sortDescFirst: false,
    onSortingChange: (updater) => onSort(sortParamOf(typeof updater === "function" ? updater(sorting) : updater)),
    getRowId: (row) => row.athlete.id,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  };
}

/** The rows the board shows, in order, for the given filters and sort (outside React). */
export function visibleRows(rows: BoardRow[], filters: BoardFilters, sortParam: string): BoardRow[] {
  const options = boardTableOptions(byName(rows), filters, sortParam, () => undefined);
  const table = createTable({ ...options, onStateChange: () => undefined, renderFallbackValue: null, state: {} } as TableOptionsResolved<BoardRow>);
  table.setOptions((previous) => ({ ...previous, state: { ...table.initialState, ...options.state } }));
  return table.getRowModel().rows.map((row) => row.original);
}
