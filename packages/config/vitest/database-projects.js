/**
 * Vitest projects for database tests: always embedded PGlite, and also the PostgreSQL
 * server when DATABASE_URL is set, so the same tests prove both back ends.
 * (Plain JS: Vitest loads configs with Node, which cannot import TypeScript packages.)
 * @param {string[]} include
 */
export function databaseProjects(include) {
  // Generous on purpose: a test fails on a wrong answer, never because the machine is busy.
  // Measured quiet: the slowest API test ~3 s, a file's database hook ~1 s (snapshot restore).
  // Under `pnpm test:stress` (both cores busy) they grow several times; these leave a 10x margin.
  const common = { include, testTimeout: 120_000, hookTimeout: 180_000 };
  // Request logs would drown a failure's output; warnings and errors still show (LOG_LEVEL overrides).
  const logLevel = process.env.LOG_LEVEL ?? "warn";
  const projects = [{ test: { ...common, name: "pglite", env: { LOADLINE_TEST_DB: "pglite", LOG_LEVEL: logLevel } } }];
  if (process.env.DATABASE_URL) {
    projects.push({ test: { ...common, name: "postgres", env: { LOADLINE_TEST_DB: "postgres", LOG_LEVEL: logLevel } } });
  }
  return projects;
}
