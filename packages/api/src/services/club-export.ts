import { strToU8, zipSync } from "fflate";
import Papa from "papaparse";
import { ENGINE_VERSION, type Actor } from "@loadline/domain";
import { DomainError } from "@loadline/domain";
import { EXPORT_SECRET_COLUMNS, getAthlete, readAthleteTables, readClubTables, type Database, type ExportedTable } from "@loadline/db";
import { csvWriteOptions } from "../exports/csv";
import { assertCan } from "../trpc";
import { recordAudit } from "./audit";

export const EXPORT_FORMAT_VERSION = 1;

/** A cell as CSV text: dates as ISO 8601, arrays and objects as JSON. */
function cell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  // int8 columns may arrive as bigint; a driver gives no other kind of value.
  if (typeof value === "bigint") return value.toString();
  throw new TypeError(`A ${typeof value} cannot be exported as a cell`);
}

/**
 * The whole club as a ZIP: one CSV per table (a header row of column names, then one row per
 * record) and manifest.json (format version, when, which engine, each file's table, columns and
 * row count, and which columns were left out). The export is audited. It holds the clinical
 * records too: the club is their controller, and its owner answers for the download.
 */
export async function exportClub(db: Database, actor: Actor, now: Date): Promise<ExportAnswer> {
  const tables = await readClubTables(db, actor.organisationId);
  const answer = zipTables(tables, now, { scope: "club", organisationId: actor.organisationId }, "loadline-club-export");
  await recordAudit(db, actor, now, [{ athleteId: null, action: "read", entity: "club_export", detail: `${answer.tables} tables, ${answer.rows} rows` }]);
  return answer;
}

/** An athlete downloads their own record (the right of access): the same format, their rows only. */
export async function exportOwnRecord(db: Database, actor: Actor, now: Date): Promise<ExportAnswer> {
  if (!actor.athleteId) throw new DomainError("forbidden", "Only athletes have a record to download here.");
  const tables = await readAthleteTables(db, actor.organisationId, { athleteId: actor.athleteId, userId: actor.userId });
  return zipTables(tables, now, { scope: "athlete", organisationId: actor.organisationId, athleteId: actor.athleteId }, "loadline-my-record");
}

/**
 * Staff download an athlete's record for them (their physio, or the owner), in the athlete's own
 * export format, for example before erasing it at their request. Audited as a read.
 */
export async function exportRecordForAthlete(db: Database, actor: Actor, now: Date, athleteId: string): Promise<ExportAnswer> {
  assertCan(actor, "athlete.exportRecord", { organisationId: actor.organisationId, athleteId });
  const athlete = await getAthlete(db, actor.organisationId, athleteId);
  if (!athlete) throw new DomainError("not_found", "No such athlete in your club.");
  const tables = await readAthleteTables(db, actor.organisationId, { athleteId, userId: athlete.userId });
  const answer = zipTables(tables, now, { scope: "athlete", organisationId: actor.organisationId, athleteId }, "loadline-athlete-record");
  await recordAudit(db, actor, now, [{ athleteId, action: "read", entity: "athlete_export", entityId: athleteId, detail: `${answer.tables} tables, ${answer.rows} rows` }]);
  return answer;
}

export interface ExportAnswer {
  fileName: string;
  zipBase64: string;
  tables: number;
  rows: number;
}

function zipTables(tables: ExportedTable[], now: Date, scope: Record<string, string>, name: string): ExportAnswer {
  const files: Record<string, Uint8Array> = {};
  for (const t of tables) {
    const data = t.rows.map((row) => t.columns.map((c) => cell(row[c])));
    files[`${t.table}.csv`] = strToU8(Papa.unparse({ fields: t.columns, data }, csvWriteOptions));
  }
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  const manifest = {
    format: "loadline-club-export",
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    ...scope,
    engineVersion: ENGINE_VERSION,
    omittedColumns: EXPORT_SECRET_COLUMNS,
    files: tables.map((t) => ({ file: `${t.table}.csv`, table: t.table, columns: t.columns, rows: t.rows.length })),
  };
  files["manifest.json"] = strToU8(JSON.stringify(manifest, null, 2));
  const zip = zipSync(files, { level: 6, mtime: now });
  return { fileName: `${name}-${now.toISOString().slice(0, 10)}.zip`, zipBase64: Buffer.from(zip).toString("base64"), tables: tables.length, rows };
}
