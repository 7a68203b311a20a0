import { formatInClubTime, type Calendar } from "@loadline/domain";
import type { DataColumn } from "@/components/data-table";

/** A logged session or run as the coach's overview and the physio's records list it. */
export interface SessionRecord {
  at: Date;
  type: string;
  minutes: number | null;
  distanceKm: number | null;
  rpe: number | null;
  painDuring: number;
  painAfter: number | null;
}

const typeLabels: Record<string, string> = { run: "Run", strength: "Strength", field: "Field", cross_training: "Cross-training" };
const dash = (value: number | null) => (value === null ? "–" : String(value));

/** "8 km, 45 min": what a session amounted to, distance first for a run. */
export const sessionAmount = (s: Pick<SessionRecord, "minutes" | "distanceKm">) =>
  [s.distanceKm !== null ? `${s.distanceKm} km` : null, s.minutes !== null ? `${Math.round(s.minutes)} min` : null].filter(Boolean).join(", ") || "–";

/**
 * The columns every list of logged sessions starts with (when, type, amount, effort, pain),
 * sorted by the values rather than the text shown; each screen adds its own after them.
 */
export function sessionRecordColumns<T extends SessionRecord>(calendar: Pick<Calendar, "timeZone" | "locale">): DataColumn<T>[] {
  return [
    { id: "at", accessorFn: (s) => s.at.getTime(), header: "When", meta: { rowHeader: true }, cell: ({ row }) => formatInClubTime(row.original.at, calendar, "dateTime") },
    { id: "type", accessorFn: (s) => typeLabels[s.type] ?? s.type, header: "Type" },
    { id: "amount", accessorFn: (s) => s.distanceKm ?? s.minutes ?? -1, header: "Amount", cell: ({ row }) => sessionAmount(row.original) },
    { id: "rpe", accessorFn: (s) => s.rpe ?? -1, header: "RPE", cell: ({ row }) => dash(row.original.rpe) },
    {
      id: "pain",
      accessorFn: (s) => Math.max(s.painDuring, s.painAfter ?? 0),
      header: "Pain during / after",
      cell: ({ row }) => `${row.original.painDuring} / ${dash(row.original.painAfter)}`,
    },
  ];
}
