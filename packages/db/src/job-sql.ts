import type { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import type postgres from "postgres";
import type { Database, Transaction } from "./client";

/**
 * What pg-boss needs from a database: its custom `db` option. pg-boss brings `pg` and its own
 * pool otherwise; through this the queue runs on the connection the app already has, so the
 * same queue works on embedded PGlite (one connection, in process) and on PostgreSQL.
 */
export interface JobSql {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** PostgreSQL's text form of an array parameter (pg-boss passes job ids as `$2::uuid[]`). */
function arrayLiteral(values: unknown[]): string {
  const item = (v: unknown) => {
    const text = parameter(v);
    return text === null ? "NULL" : `"${String(text).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  };
  return `{${values.map(item).join(",")}}`;
}

/**
 * pg-boss passes values the way `pg` accepts them (objects for jsonb, arrays, undefined for
 * absent options). Neither postgres-js nor PGlite serialises all of those alike for untyped
 * parameters, so they go as text and the casts in pg-boss's SQL type them.
 */
function normalise(values: unknown[] = []): (string | number | boolean | null)[] {
  return values.map(parameter);
}

function parameter(v: unknown): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return arrayLiteral(v);
  if (typeof v === "object") return JSON.stringify(v);
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "bigint") return v.toString();
  throw new TypeError(`pg-boss passed a ${typeof v} as a query parameter`);
}

/** pg-boss's statements as one Drizzle SQL, each `$n` bound again as a parameter. */
function toDrizzle(text: string, values: unknown[]): SQL {
  const params = normalise(values);
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, match.index)));
    chunks.push(sql`${params[Number(match[1]) - 1] ?? null}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

/** Rows of a driver's result: postgres-js answers an array, PGlite `{ rows }`; `T` is the query's row shape. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  if (result && typeof result === "object" && "rows" in result && Array.isArray(result.rows)) return result.rows as T[];
  return [];
}

/**
 * pg-boss over a Drizzle database or transaction. Inside a transaction this is how a write
 * enqueues its job atomically with itself (pg-boss `send(..., { db })`): the job exists if and
 * only if the write committed. One statement per call (no scripts).
 */
export function jobSqlOver(db: Database | Transaction): JobSql {
  return {
    async executeSql(text, values = []) {
      return { rows: rowsOf(await db.execute(toDrizzle(text, values))) };
    },
  };
}

/**
 * pg-boss on PGlite's client. Statements without parameters may be scripts (pg-boss installs
 * its schema and runs maintenance as one `BEGIN; ...; COMMIT;` text), which only the simple
 * protocol (`exec`) accepts. Never call this inside a Drizzle transaction on the same PGlite:
 * the client waits for that transaction to end; use `jobSqlOver(tx)` there.
 */
export function pgliteJobSql(client: PGlite): JobSql {
  return {
    async executeSql(text, values = []) {
      if (values.length === 0) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await client.query<Record<string, unknown>>(text, normalise(values));
      return { rows: result.rows };
    },
  };
}

/** pg-boss on postgres-js, without `pg`: `unsafe` with parameters, the simple protocol for scripts. */
export function postgresJobSql(client: postgres.Sql): JobSql {
  return {
    async executeSql(text, values = []) {
      if (values.length === 0) {
        // postgres-js refuses BEGIN on a pooled connection: a script runs on a reserved one.
        const reserved = await client.reserve();
        let result: unknown;
        try {
          result = await reserved.unsafe(text).simple();
        } finally {
          reserved.release();
        }
        // A script answers one result per statement; pg-boss reads rows only from single statements.
        const last: unknown = Array.isArray(result) && result.length > 0 && Array.isArray(result.at(-1)) ? result.at(-1) : result;
        return { rows: rowsOf(last) };
      }
      return { rows: rowsOf(await client.unsafe(text, normalise(values))) };
    },
  };
}

/**
 * The adapter registered for a database's driver client when it was opened, so code that only
 * holds a `Database` (services, and test helpers that wrap the same client) reaches the same
 * queue. Keyed by the client because one client may carry several Drizzle wrappers.
 */
const registered = new WeakMap<object, JobSql>();

function clientOf(db: Database): object | undefined {
  // Drizzle keeps its driver client on `$client`; the shared Database type does not declare it.
  const client = (db as unknown as { $client?: unknown }).$client;
  // postgres-js's client is a function, PGlite's an object.
  return (typeof client === "object" || typeof client === "function") && client !== null ? client : undefined;
}

/**
 * The database each scoped transaction runs on (`withOrganisation` registers it), so the queue
 * can find the producer it started on that database before the transaction opened. A Drizzle
 * transaction has no driver client of its own.
 */
const roots = new WeakMap<object, Database>();

export function registerTransactionRoot(tx: Transaction, db: Database | Transaction): void {
  const root = rootDatabaseOf(db);
  if (root) roots.set(tx, root);
}

/** Whether this handle is a transaction rather than a database (it has no driver client). */
export function isTransaction(db: Database | Transaction): boolean {
  return clientOf(db) === undefined;
}

/**
 * Run `work` in one transaction: `db`'s own when it is one already (a tenant procedure's, which
 * commits or rolls back as a whole, so a savepoint would only add two round trips), else a new one.
 */
export function atomically<T>(db: Database | Transaction, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return isTransaction(db) ? work(db as Transaction) : (db as Database).transaction(work);
}

/** The database itself, or the one a registered transaction runs on; undefined for any other transaction. */
export function rootDatabaseOf(db: Database | Transaction): Database | undefined {
  return isTransaction(db) ? roots.get(db) : db;
}

/**
 * The adapter that runs pg-boss's statements where `db` runs its own: the driver's for a
 * database, the transaction itself for a transaction (so a job commits or rolls back with it,
 * and on PGlite never waits for the connection that transaction holds).
 */
export function jobSqlWithin(db: Database | Transaction): JobSql {
  return isTransaction(db) ? jobSqlOver(db) : jobSqlFor(db);
}

export function registerJobSql(db: Database, jobSql: JobSql): void {
  const client = clientOf(db);
  if (client) registered.set(client, jobSql);
}

/** The queue's adapter for this database (outside transactions). */
export function jobSqlFor(db: Database): JobSql {
  const client = clientOf(db);
  const found = client ? registered.get(client) : undefined;
  if (found) return found;
  const fallback = jobSqlOver(db);
  if (client) registered.set(client, fallback);
  return fallback;
}
