import { sql } from "drizzle-orm";
import type { Database, Transaction } from "./client";
import { registerTransactionRoot } from "./job-sql";

/** The role that row-level security binds (migration 0005_tenant_row_level_security.sql). */
export const APP_ROLE = "loadline_app";

/**
 * Run `fn` in one transaction as the `loadline_app` role with `app.organisation_id` set to this
 * organisation: every tenant table then shows and accepts only that organisation's rows, whatever
 * the query's own filters say. Both settings are transaction-local (`set local`, `set_config(...,
 * true)`), so they end with the transaction and never leak to a pooled connection's next user.
 */
export function withOrganisation<T>(db: Database, organisationId: string, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // The job queue reaches its producer through this (its jobs go through `tx` itself).
    registerTransactionRoot(tx, db);
    // One statement for both: set_config('role', ..., true) is `set local role`. It is started,
    // not awaited, before `fn` sends anything: the connection runs a transaction's statements in
    // the order they were sent, so it still runs first, but it travels with `fn`'s first
    // statement instead of costing a round trip of its own. If it fails, the transaction is
    // aborted and every later statement fails with it; its own error is the one thrown.
    // (`.then` sends it now; a plain `Promise.resolve` would send it a microtask later.)
    const scoped = tx
      .execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.organisation_id', ${organisationId}, true)`)
      .then(() => undefined);
    const [, result] = await Promise.all([scoped, fn(tx)]);
    return result;
  });
}
