#!/usr/bin/env node
// `pnpm test:stress [command...]`: runs a test command (default: the unit and API suites) while
// one busy loop per core keeps the machine loaded, to tell a real failure from a slow machine.
// `pnpm test:stress --load-only` only runs the load, until Ctrl-C, for running any command beside it.
import { spawn, spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";

const args = process.argv.slice(2);
const loadOnly = args[0] === "--load-only";
const command = loadOnly ? [] : args.length ? args : ["pnpm", "exec", "turbo", "run", "test", "--concurrency=2"];
const hogs = Number(process.env.STRESS_HOGS ?? availableParallelism());
// Each hog also ends itself after this long, so a killed parent never leaves the machine busy.
const maxMinutes = Number(process.env.STRESS_MAX_MINUTES ?? 45);

const loop = `const end = performance.now() + ${maxMinutes * 60_000}; let x = 0; while (performance.now() < end) x = (x + Math.sqrt(x + 1)) % 1e9;`;
const children = Array.from({ length: hogs }, () => spawn(process.execPath, ["-e", loop], { stdio: "ignore" }));
const stop = () => children.forEach((c) => c.kill("SIGKILL"));
process.on("exit", stop);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));
console.log(`test:stress: ${hogs} busy loop(s) running (at most ${maxMinutes} min)`);

if (loadOnly) {
  await new Promise(() => {});
} else {
  console.log(`test:stress: ${command.join(" ")}`);
  const t0 = performance.now();
  const run = spawnSync(command[0], command.slice(1), { stdio: "inherit" });
  console.log(`test:stress: finished in ${((performance.now() - t0) / 1000).toFixed(1)} s under load, exit ${run.status}`);
  process.exit(run.status ?? 1);
}
