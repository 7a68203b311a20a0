"use client";
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type FilterFnOption,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type HTMLAttributes, type MouseEvent, type ReactNode } from "react";
import { Button } from "@loadline/ui/button";
import { cn } from "@loadline/ui/lib/utils";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@loadline/ui/table";

declare module "@tanstack/react-table" {
  // Type parameters must match TanStack's declaration to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Classes for the column's cells (alignment, width, wrapping). */
    className?: string;
    /** Classes for the column's header cell. */
    headerClassName?: string;
    /** Renders the column's cells as row headers (`<th scope="row">`), for the column naming the row. */
    rowHeader?: boolean;
  }
}

/** A column of a `DataTable`; the value type is left open so columns of several types sit in one list. */
// TanStack's own column lists are typed this way: the value type differs per column.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataColumn<T> = ColumnDef<T, any>;

interface DataTableProps<T> {
  data: readonly T[];
  columns: DataColumn<T>[];
  /** Names the table for assistive technology; shown only to them unless `showCaption`. */
  caption: string;
  showCaption?: boolean;
  /** What an empty table says, in one row across every column. */
  empty: ReactNode;
  getRowId?: (row: T, index: number) => string;
  /**
   * Sorting: pass `sorting` and `onSortingChange` to keep it outside (in the URL); pass neither
   * for local sorting starting from `initialSorting`. `enableSorting={false}` shows the rows in
   * the order given (columns can also opt out with `enableSorting: false`).
   */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  initialSorting?: SortingState;
  enableSorting?: boolean;
  /** A text filter over the rows and how it matches (TanStack's global filter). */
  globalFilter?: string;
  globalFilterFn?: FilterFnOption<T>;
  /**
   * Makes a whole row open a page on click. The keyboard and screen readers keep using a real
   * link in the row (put one in the naming column); the click only saves aiming at it.
   */
  rowHref?: (row: T) => string;
  /**
   * Content shown instead of a row's cells, across every column (a row being edited in place);
   * null keeps the row.
   */
  replaceRow?: (row: T) => ReactNode | null;
  /** Extra attributes for a row (a data attribute that shades archived rows). */
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | boolean | undefined>;
  className?: string;
}

const interactive = "a, button, input, select, textarea, label, [role=menuitem], [role=button]";

/**
 * A table on TanStack Table with the house look: headers sort on click and say so with
 * aria-sort, an empty state row, optional whole-row links.
 *
 * @example
 * const columns: DataColumn<Athlete>[] = [
 *   { id: "name", accessorKey: "name", header: "Name", meta: { rowHeader: true },
 *     cell: ({ row }) => <Link href={`/coach/roster/${row.original.id}`}>{row.original.name}</Link> },
 *   { id: "squad", accessorKey: "squadName", header: "Squad" },
 *   { id: "actions", header: () => <span className="sr-only">Actions</span>, enableSorting: false, cell: … },
 * ];
 * <DataTable caption="Athletes" data={athletes} columns={columns} empty="No athletes yet." getRowId={(a) => a.id} />
 */
export function DataTable<T>({
  data,
  columns,
  caption,
  showCaption = false,
  empty,
  getRowId,
  sorting,
  onSortingChange,
  initialSorting = [],
  enableSorting = true,
  globalFilter,
  globalFilterFn,
  rowHref,
  replaceRow,
  rowProps,
  className,
}: DataTableProps<T>) {
  const router = useRouter();
  const [localSorting, setLocalSorting] = useState<SortingState>(initialSorting);
  const currentSorting = sorting ?? localSorting;
  const table = useReactTable<T>({
    // TanStack takes a mutable array; it never writes to it.
    data: data as T[],
    columns,
    ...(getRowId ? { getRowId } : {}),
    enableSorting,
    state: { sorting: currentSorting, ...(globalFilter !== undefined ? { globalFilter } : {}) },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(currentSorting) : updater;
      if (onSortingChange) onSortingChange(next);
      else setLocalSorting(next);
    },
    ...(globalFilterFn ? { globalFilterFn } : {}),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;

  const openRow = (href: string) => (event: MouseEvent<HTMLTableRowElement>) => {
    if (event.defaultPrevented || (event.target instanceof Element && event.target.closest(interactive))) return;
    router.push(href);
  };

  return (
    <div className={cn("rounded-lg border bg-card", className)}>
      <Table>
        <TableCaption className={showCaption ? "mb-2 mt-0 caption-top text-left" : "sr-only"}>{caption}</TableCaption>
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <TableHead
                    key={header.id}
                    colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                    className={header.column.columnDef.meta?.headerClassName}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : header.column.getCanSort() ? "none" : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <Button variant="ghost" size="sm" className="-ml-3" onClick={header.column.getToggleSortingHandler()}>
                        {content}
                        {sorted === "asc" ? (
                          <ArrowUp aria-hidden="true" />
                        ) : sorted === "desc" ? (
                          <ArrowDown aria-hidden="true" />
                        ) : (
                          <ArrowUpDown aria-hidden="true" className="opacity-50" />
                        )}
                      </Button>
                    ) : (
                      content
                    )}
                  </TableHead>
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={columnCount} className="py-10 text-center text-muted-foreground">
                {empty}
              </TableCell>
            </TableRow>
          ) : (
            rows.map((row) => {
              const replacement = replaceRow?.(row.original) ?? null;
              if (replacement !== null)
                return (
                  <TableRow key={row.id}>
                    <TableCell colSpan={columnCount} className="whitespace-normal">
                      {replacement}
                    </TableCell>
                  </TableRow>
                );
              const href = rowHref?.(row.original);
              const extra = rowProps?.(row.original) ?? {};
              return (
                <TableRow
                  key={row.id}
                  {...extra}
                  className={cn(href && "cursor-pointer", extra.className)}
                  onClick={href ? openRow(href) : extra.onClick}
                >
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                    return meta?.rowHeader ? (
                      <th key={cell.id} scope="row" className={cn("p-2 text-left align-middle font-medium whitespace-nowrap", meta.className)}>
                        {content}
                      </th>
                    ) : (
                      <TableCell key={cell.id} className={meta?.className}>
                        {content}
                      </TableCell>
                    );
                  })}
                </TableRow>
              );
            })
          )}
        </TableBody>
      </Table>
    </div>
  );
}
