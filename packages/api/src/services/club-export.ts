import { strToU8, zipSync } from "fflate";
import Papa from "papaparse";
import { ENGINE_VERSION, type Actor } from "@loadline/domain";
import { EXPORT_SECRET_COLUMNS, readClubTables, type Database } from "@loadline/db";
import { recordAudit } from "./audit";

export const EXPORT_FORMAT_VERSION = 1;

/** A cell as CSV text: dates as ISO 8601, arrays and objects as JSON. */
function cell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * The whole club as a ZIP: one CSV per table (a header row of column names, then one row per
 * record) and manifest.json (format version, when, which engine, each file's table, columns and
 * row count, and which columns were left out). The export is audited.
 */
export async function exportClub(db: Database, actor: Actor, now: Date): Promise<{ fileName: string; zipBase64: string; tables: number; rows: number }> {
  const tables = await readClubTables(db, actor.organisationId);
  const files: Record<string, Uint8Array> = {};
  for (const t of tables) {
    const data = t.rows.map((row) => t.columns.map((c) => cell(row[c])));
    files[`${t.table}.csv`] = strToU8(Papa.unparse({ fields: t.columns, data }, { newline: "\r\n" }));
  }
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  const manifest = {
    format: "loadline-club-export",
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    organisationId: actor.organisationId,
    engineVersion: ENGINE_VERSION,
    omittedColumns: EXPORT_SECRET_COLUMNS,
    files: tables.map((t) => ({ file: `${t.table}.csv`, table: t.table, columns: t.columns, rows: t.rows.length })),
  };
  files["manifest.json"] = strToU8(JSON.stringify(manifest, null, 2));
  const zip = zipSync(files, { level: 6, mtime: now });
  await recordAudit(db, actor, now, [{ athleteId: null, action: "read", entity: "club_export", detail: `${tables.length} tables, ${rows} rows` }]);
  const day = now.toISOString().slice(0, 10);
  return { fileName: `loadline-club-export-${day}.zip`, zipBase64: Buffer.from(zip).toString("base64"), tables: tables.length, rows };
}
