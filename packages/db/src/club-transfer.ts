import { getTableName, is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "./client";
import { rowsOf } from "./job-sql";
import { appliedMigration } from "./queries/health";
import * as schema from "./schema";

/**
 * One club's rows, every table, as the database holds them: moving a club from the embedded
 * database to a PostgreSQL server (`pnpm db:export`, `pnpm db:import`), or between servers.
 * Rows travel as PostgreSQL's own JSON form of each row (`row_to_json`) and come back through
 * `json_populate_recordset`, so every type (timestamps, arrays, jsonb, numerics) is restored
 * exactly as it was. Job queue rows are not moved: snapshots are, and a write re-queues its work.
 */
export interface ClubExport {
  format: "loadline-club-export";
  /** How many migrations the source had applied; the target must be at the same version. */
  migrations: number;
  organisation: { id: string; slug: string; name: string };
  /** Table name -> rows, in an order that satisfies every foreign key. */
  tables: Record<string, Record<string, unknown>[]>;
}

/** Tables not tied to one club: sign-in throttles (keyed by address or e-mail) and instance operators. */
const NOT_CLUB_DATA = new Set(["auth_throttles", "operators"]);

/** Every table of the schema in foreign-key order (a referenced table before its referrers). */
export function clubTablesInOrder(): {
  name: string;
  byOrganisation: boolean;
}[] {
  const tables: PgTable[] = [];
  for (const value of Object.values(schema) as unknown[]) if (is(value, PgTable)) tables.push(value);
  const configs = new Map(tables.map((t) => [getTableName(t), getTableConfig(t)]));
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    if (visiting.has(name))
      throw new Error(`foreign keys form a cycle through ${name}: export order undefined`);
    visiting.add(name);
    for (const fk of configs.get(name)?.foreignKeys ?? []) {
      const target = getTableName(fk.reference().foreignTable);
      if (target !== name) visit(target);
    }
    visiting.delete(name);
    ordered.push(name);
  };
  for (const name of [...configs.keys()].sort()) visit(name);
  return ordered
    .filter((name) => !NOT_CLUB_DATA.has(name))
    .map((name) => ({
      name,
      byOrganisation: configs.get(name)!.columns.some((c) => c.name === "organisation_id"),
    }));
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/** Every row of the club with this slug. */
export async function exportClub(db: Database, slug: string): Promise<ClubExport> {
  const [organisation] = rowsOf(
    await db.execute(sql`select id, slug, name from organisations where slug = ${slug}`),
  );
  if (!organisation) throw new Error(`no club with the slug "${slug}"`);
  const id = String(organisation.id);
  const tables: ClubExport["tables"] = {};
  for (const table of clubTablesInOrder()) {
    const where = table.byOrganisation
      ? sql`organisation_id = ${id}`
      : table.name === "organisations"
        ? sql`id = ${id}`
        : null;
    if (!where) throw new Error(`table ${table.name} has no organisation_id: add it to the export`);
    const rows = rowsOf(
      await db.execute(
        sql`select coalesce(json_agg(row_to_json(t)), '[]'::json) as rows from ${ident(table.name)} t where ${where}`,
      ),
    );
    const value = rows[0]?.rows;
    tables[table.name] = (typeof value === "string" ? JSON.parse(value) : value) as Record<string, unknown>[];
  }
  const applied = await appliedMigration(db);
  return {
    format: "loadline-club-export",
    migrations: applied?.count ?? 0,
    organisation: {
      id,
      slug: String(organisation.slug),
      name: String(organisation.name),
    },
    tables,
  };
}

/**
 * Insert an exported club into `db` in one transaction: all of it or nothing. Refused when the
 * schema versions differ or the club (or one of its people's e-mail addresses) already exists.
 */
export async function importClub(db: Database, data: ClubExport): Promise<Record<string, number>> {
  if (data.format !== "loadline-club-export") throw new Error("not a Loadline club export");
  const applied = await appliedMigration(db);
  if ((applied?.count ?? 0) !== data.migrations) {
    throw new Error(
      `the export has ${data.migrations} migrations applied and this database ${applied?.count ?? 0}: migrate both to the same version first`,
    );
  }
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    const [exists] = rowsOf(
      await tx.execute(
        sql`select 1 as found from organisations where id = ${data.organisation.id} or slug = ${data.organisation.slug}`,
      ),
    );
    if (exists) throw new Error(`the club "${data.organisation.slug}" already exists in this database`);
    for (const table of clubTablesInOrder()) {
      const rows = data.tables[table.name] ?? [];
      counts[table.name] = rows.length;
      // Chunks keep one statement's JSON parameter small on big clubs.
      for (let at = 0; at < rows.length; at += 1000) {
        const chunk = JSON.stringify(rows.slice(at, at + 1000));
        await tx.execute(
          sql`insert into ${ident(table.name)} select * from json_populate_recordset(null::${ident(table.name)}, ${chunk}::json)`,
        );
      }
    }
  });
  return counts;
}
