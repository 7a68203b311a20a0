import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { rowsOf } from "../job-sql";

/**
 * Columns never exported: credentials and their hashes. A club's export is its records, not the
 * means to sign in as its members.
 */
export const EXPORT_SECRET_COLUMNS = ["password_hash", "totp_secret", "totp_pending_secret", "totp_last_step", "recovery_code_hashes", "token_hash"] as const;

export interface ExportedTable {
  table: string;
  columns: string[];
  rows: Record<string, unknown>[];
}

/**
 * Every row of the club, table by table (each table with an organisation_id, and the club's own
 * row), without the secret columns. Read through `db` as given: inside a tenant transaction the
 * row-level security of the club applies as well.
 */
export async function readClubTables(db: Pick<Database, "execute">, organisationId: string): Promise<ExportedTable[]> {
  const columns = rowsOf<{ table: string; column: string }>(
    await db.execute(sql`select c.table_name as "table", c.column_name as "column" from information_schema.columns c
      where c.table_schema = 'public'
        and (c.table_name = 'organisations' or c.table_name in (
          select table_name from information_schema.columns where table_schema = 'public' and column_name = 'organisation_id'))
      order by c.table_name, c.ordinal_position`),
  );
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) {
    if ((EXPORT_SECRET_COLUMNS as readonly string[]).includes(column)) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), column]);
  }
  const tables: ExportedTable[] = [];
  for (const [table, cols] of [...byTable].sort(([a], [b]) => a.localeCompare(b))) {
    const list = sql.join(cols.map((c) => sql.identifier(c)), sql`, `);
    const key = table === "organisations" ? sql.identifier("id") : sql.identifier("organisation_id");
    const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`select ${list} from ${sql.identifier(table)} where ${key} = ${organisationId}`));
    tables.push({ table, columns: cols, rows });
  }
  return tables;
}

/**
 * One athlete's rows, table by table: their user and profile, their squad memberships, and every
 * row of a table with an athlete_id naming them (logs, check-ins, questionnaires, episodes,
 * plans, gait, alerts, audit). Secret columns left out, as for the club.
 */
export async function readAthleteTables(db: Pick<Database, "execute">, organisationId: string, athlete: { athleteId: string; userId: string }): Promise<ExportedTable[]> {
  const columns = rowsOf<{ table: string; column: string }>(
    await db.execute(sql`select c.table_name as "table", c.column_name as "column" from information_schema.columns c
      where c.table_schema = 'public'
        and (c.table_name in ('users', 'athlete_profiles', 'squad_memberships') or c.table_name in (
          select table_name from information_schema.columns where table_schema = 'public' and column_name = 'athlete_id'))
      order by c.table_name, c.ordinal_position`),
  );
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) {
    if ((EXPORT_SECRET_COLUMNS as readonly string[]).includes(column)) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), column]);
  }
  const tables: ExportedTable[] = [];
  for (const [table, cols] of [...byTable].sort(([a], [b]) => a.localeCompare(b))) {
    const list = sql.join(cols.map((c) => sql.identifier(c)), sql`, `);
    const match =
      table === "users"
        ? sql`${sql.identifier("id")} = ${athlete.userId}`
        : table === "athlete_profiles"
          ? sql`${sql.identifier("id")} = ${athlete.athleteId}`
          : table === "squad_memberships"
            ? sql`${sql.identifier("user_id")} = ${athlete.userId}`
            : sql`${sql.identifier("athlete_id")} = ${athlete.athleteId}`;
    const scope = cols.includes("organisation_id") ? sql` and ${sql.identifier("organisation_id")} = ${organisationId}` : sql``;
    const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`select ${list} from ${sql.identifier(table)} where ${match}${scope}`));
    tables.push({ table, columns: cols, rows });
  }
  return tables;
}
