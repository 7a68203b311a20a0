#!/usr/bin/env node
// `pnpm test`: every suite CI runs, one step after another, each timed, with a summary at the
// end so growth is visible. Steps run in sequence on purpose: on 2 cores, parallel steps starve
// each other and a slow one then looks like a failure in another.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const hasPostgres = Boolean(process.env.DATABASE_URL);
// The operations tests create their own PostgreSQL cluster from the installed server binaries.
const hasPostgresBinaries = existsSync(`${process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin"}/initdb`);
// Measured on 2 cores (see README "Tests"): 2 packages' tests at a time is the fastest setting.
const testConcurrency = process.env.LOADLINE_TEST_CONCURRENCY ?? "2";

const steps = [
  { name: "lint", cmd: ["pnpm", "exec", "turbo", "run", "lint", "--continue"] },
  { name: "typecheck", cmd: ["pnpm", "exec", "turbo", "run", "typecheck", "--continue"] },
  // Kubernetes manifests against the API's JSON schemas, offline.
  { name: "manifests", cmd: ["node", "scripts/check-manifests.mjs"] },
  { name: "unit + API tests", cmd: ["pnpm", "exec", "turbo", "run", "test", "--continue", `--concurrency=${testConcurrency}`] },
  { name: "build", cmd: ["pnpm", "exec", "turbo", "run", "build", "--filter=@loadline/web"] },
  // A private PostgreSQL restarted under write load, then two replicas behind a proxy (~1 min).
  ...(hasPostgresBinaries ? [{ name: "operations (fault, replicas)", cmd: ["node", "scripts/ops-test.mjs"] }] : []),
  // The full end-to-end suite on the embedded database (the README's quick start)...
  { name: "e2e (PGlite, full)", cmd: ["pnpm", "--filter", "@loadline/e2e", "exec", "playwright", "test"], env: { E2E_TARGETS: "pglite,fresh" } },
  // ...and the @smoke subset on PostgreSQL: the API suite already runs every test on both.
  ...(hasPostgres
    ? [{ name: "e2e (PostgreSQL, smoke)", cmd: ["pnpm", "--filter", "@loadline/e2e", "exec", "playwright", "test", "--grep", "@smoke"], env: { E2E_TARGETS: "postgres" } }]
    : []),
];

const only = process.argv.slice(2);
const selected = only.length ? steps.filter((s) => only.some((o) => s.name.startsWith(o))) : steps;
const results = [];
let failed = null;
const started = performance.now();
for (const step of selected) {
  console.log(`\n==> ${step.name}: ${step.cmd.join(" ")}`);
  const t0 = performance.now();
  const run = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: "inherit", env: { ...process.env, ...step.env } });
  const seconds = (performance.now() - t0) / 1000;
  const ok = run.status === 0;
  results.push({ step: step.name, seconds, ok });
  if (!ok) {
    failed = step.name;
    break;
  }
}

console.log("\nTimings");
for (const r of results) console.log(`  ${r.ok ? "ok  " : "FAIL"} ${r.step.padEnd(26)} ${r.seconds.toFixed(1).padStart(7)} s`);
console.log(`  total${" ".repeat(27)}${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s`);
if (failed) {
  console.error(`\n${failed} failed.`);
  process.exit(1);
}
