import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openPglite, openPostgres, type DatabaseHandle } from "./client";
import { readDbEnv } from "./env";
import { migrationsFolder } from "./paths";

/**
 * A migrated empty PGlite as a tar in the temp folder, keyed by the migrations' content.
 * Restoring it takes a fraction of a cold start plus migrate (measured 0.65 s against 3.7 s),
 * which keeps test-file hooks far from their timeouts on a busy machine.
 */
async function migratedSnapshot(): Promise<Blob> {
  const folder = migrationsFolder();
  const hash = createHash("sha256");
  for (const file of readdirSync(folder, { recursive: true, encoding: "utf8" }).sort()) {
    const full = path.join(folder, file);
    if (file.endsWith(".sql") || file.endsWith(".json")) hash.update(file).update(readFileSync(full));
  }
  const file = path.join(tmpdir(), `loadline-pglite-${hash.digest("hex").slice(0, 16)}.tar`);
  if (!existsSync(file)) {
    const fresh = await openPglite();
    await fresh.migrate();
    const tar = await fresh.dump!();
    await fresh.close();
    // Parallel test workers may race here: each writes its own file and renames it atomically.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(partial, Buffer.from(await tar.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}

/**
 * A fresh, migrated, empty database for one test file: in-memory PGlite, or a throwaway
 * database on the PostgreSQL server at DATABASE_URL (dropped on close).
 * LOADLINE_TEST_DB=pglite|postgres picks one; by default PostgreSQL when DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const { DATABASE_URL, LOADLINE_TEST_DB } = readDbEnv();
  const target = LOADLINE_TEST_DB ?? (DATABASE_URL ? "postgres" : "pglite");
  if (target === "postgres" && !DATABASE_URL) throw new Error("LOADLINE_TEST_DB=postgres needs DATABASE_URL");
  if (target === "pglite" || !DATABASE_URL) {
    const handle = await openPglite({ loadDataDir: await migratedSnapshot() });
    await handle.migrate(); // a no-op on the restored copy; kept so a stale snapshot can never hide a migration
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
