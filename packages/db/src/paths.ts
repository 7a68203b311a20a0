import { existsSync } from "node:fs";
import path from "node:path";

function findUp(start: string, probe: (dir: string) => boolean): string | null {
  let dir = path.resolve(start);
  for (;;) {
    if (probe(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The monorepo root (where pnpm-workspace.yaml lives), found from the working directory. */
export function repoRoot(from = process.cwd()): string {
  const root = findUp(from, (dir) => existsSync(path.join(dir, "pnpm-workspace.yaml")));
  if (!root) throw new Error(`Cannot find the Loadline repository root above ${from}`);
  return root;
}

/**
 * The committed SQL migrations. Resolved from the repository rather than from this file's
 * URL, because Next bundles server code and `import.meta.url` then points into `.next`.
 */
export function migrationsFolder(override?: string): string {
  if (override) return path.resolve(override);
  return path.join(repoRoot(), "packages", "db", "drizzle");
}

/** Where the embedded database keeps its files: git-ignored, under the repository. */
export function defaultDataDir(override?: string): string {
  if (override) return path.resolve(override);
  return path.join(repoRoot(), ".data", "pglite");
}
