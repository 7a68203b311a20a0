import Papa from "papaparse";
import { localDateKey } from "@loadline/domain";

/**
 * The CSV vocabulary of every export: one column definition per field with a header that names
 * its unit or zone, dates and times in the club's zone, numbers without thousands separators,
 * and cells that a spreadsheet would run as a formula escaped. Other exports (a whole-club
 * export) build on these formatters so every file reads the same way.
 */

export interface CsvColumn<T> {
  /** The header cell, with its unit: "Distance (km)", "Pain during (0-10)", "Date (Europe/London)". */
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

/**
 * How every CSV file is written: CRLF line ends (RFC 4180), and a cell starting with =, +, - or @
 * prefixed with a quote so a spreadsheet shows it as text instead of running it as a formula.
 */
export const csvWriteOptions = { escapeFormulae: true, newline: "\r\n", quotes: false } as const;

/** A CSV file: a header row and one row per record. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  return Papa.unparse(
    {
      fields: columns.map((c) => c.header),
      data: rows.map((row) => columns.map((c) => cell(c.value(row)))),
    },
    csvWriteOptions,
  );
}

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

/** A local date, YYYY-MM-DD, in the zone (sorts and parses in every spreadsheet). */
export function csvDate(at: Date | null | undefined, timeZone: string): string {
  return at ? localDateKey(at.getTime(), timeZone) : "";
}

/** A local date and time, "YYYY-MM-DD HH:mm", in the zone; the header names the zone. */
export function csvDateTime(at: Date | null | undefined, timeZone: string): string {
  if (!at) return "";
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  return `${localDateKey(at.getTime(), timeZone)} ${parts}`;
}

/** A number rounded to `decimals` places with a dot, or empty when unknown. */
export function csvNumber(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  const factor = 10 ** decimals;
  return String(Math.round(value * factor) / factor);
}

/** A list of words in one cell ("Distance; Sprints"). */
export function csvList(values: readonly string[]): string {
  return values.join("; ");
}

/** Header helpers, so units and zones are written the same way in every file. */
export const withZone = (label: string, timeZone: string) => `${label} (${timeZone})`;

/** A file name: what, the club's local day, `.csv`. */
export function csvFileName(what: string, now: Date, timeZone: string): string {
  const slug = what.normalize("NFKD").replace(/[^\w]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
  return `${slug}-${localDateKey(now.getTime(), timeZone)}.csv`;
}

/** Parse an uploaded CSV with a header row: trimmed headers, empty lines skipped. */
export function parseCsv(text: string): { headers: string[]; rows: { line: number; cells: Record<string, string> }[]; errors: string[] } {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
    transform: (v) => v.trim(),
  });
  return {
    headers: result.meta.fields ?? [],
    // Line 1 is the header, so the first record is on line 2 (as a spreadsheet numbers it).
    rows: result.data.map((cells, i) => ({ line: i + 2, cells })),
    errors: result.errors.map((e) => (e.row !== undefined ? `Line ${e.row + 2}: ${e.message}` : e.message)),
  };
}
