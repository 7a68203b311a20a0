/**
 * Vitest projects for database tests: always embedded PGlite, and also the PostgreSQL
 * server when DATABASE_URL is set, so the same tests prove both back ends.
 * (Plain JS: Vitest loads configs with Node, which cannot import TypeScript packages.)
 * @param {string[]} include
 */
export function databaseProjects(include) {
  const common = { include, testTimeout: 30_000, hookTimeout: 60_000 };
  const projects = [{ test: { ...common, name: "pglite", env: { LOADLINE_TEST_DB: "pglite" } } }];
  if (process.env.DATABASE_URL) {
    projects.push({ test: { ...common, name: "postgres", env: { LOADLINE_TEST_DB: "postgres" } } });
  }
  return projects;
}
