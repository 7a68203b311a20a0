import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openPglite, openPostgres, type DatabaseHandle } from "./client";
import { readDbEnv } from "./env";

/**
 * A fresh, migrated, empty database for one test file: in-memory PGlite, or a throwaway
 * database on the PostgreSQL server at DATABASE_URL (dropped on close).
 * LOADLINE_TEST_DB=pglite|postgres picks one; by default PostgreSQL when DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const { DATABASE_URL } = readDbEnv();
  const target = process.env.LOADLINE_TEST_DB ?? (DATABASE_URL ? "postgres" : "pglite");
  if (target === "postgres" && !DATABASE_URL) throw new Error("LOADLINE_TEST_DB=postgres needs DATABASE_URL");
  if (target === "pglite" || !DATABASE_URL) {
    const handle = await openPglite();
    await handle.migrate();
    return handle;
  }
  const name = `loadline_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), { max: 4 });
  await handle.migrate();
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
