#!/usr/bin/env node
// `pnpm bench:web`: Lighthouse (mobile, its default simulated throttling) on the athlete's Today
// and the coach board of a production build with the seeded demo club, beside a blank Next.js page
// built in the same run from the same Next.js, with the first-load JavaScript (gzip bytes on the
// wire) of each and its ratio to the blank page. A benchmark, not a test: it prints figures.
//
// Options (environment):
//   BENCH_SKIP_BUILD=1   reuse the existing apps/web/.next build
//   BENCH_PORT=3790      first of the ports used (app, blank page, Chromium's debugging port)
//   BENCH_RUNS=3         Lighthouse runs per page; the median score is printed
//   CHROMIUM_PATH        defaults to /usr/bin/chromium
//   BENCH_APP_ROOT       another checkout to measure (e.g. a worktree of an older commit, installed)
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const toolsRoot = path.resolve(import.meta.dirname, "..");
const root = process.env.BENCH_APP_ROOT ? path.resolve(process.env.BENCH_APP_ROOT) : toolsRoot;
const web = path.join(root, "apps/web");
const port = Number(process.env.BENCH_PORT ?? 3790);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const secret = "bench-only-secret-not-for-production-0000000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" };

const { default: lighthouse } = await import("lighthouse");
// Playwright (from the e2e package) signs in to get the session cookies Lighthouse sends.
const { chromium } = createRequire(path.join(toolsRoot, "e2e/package.json"))("@playwright/test");
// The same Next.js binary as the app, so the blank page is built exactly like it.
const nextBin = path.join(web, "node_modules/next/dist/bin/next");

function run(cmd, args, options = {}) {
  console.log(`$ ${cmd} ${args.join(" ")}`);
  const result = spawnSync(cmd, args, { stdio: "inherit", env, ...options });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
}

const children = [];
function start(cmd, args, options) {
  // Its own process group, so stopping it stops what it started (next start under pnpm).
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], env, detached: true, ...options });
  child.stdout.on("data", () => undefined);
  child.stderr.on("data", (chunk) => process.env.BENCH_VERBOSE && process.stderr.write(chunk));
  children.push(child);
  return child;
}

async function waitFor(url) {
  for (let i = 0; i < 240; i++) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await sleep(500);
  }
  throw new Error(`${url} did not come up`);
}

// 1. The blank page: a layout and a page, nothing else, inside apps/web so it resolves the app's Next.js and React.
const blankDir = path.join(web, ".bench-blank");
rmSync(blankDir, { recursive: true, force: true });
mkdirSync(path.join(blankDir, "app"), { recursive: true });
writeFileSync(path.join(blankDir, "app/layout.jsx"), `export const metadata = { title: "Blank" };\nexport default function RootLayout({ children }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n`);
writeFileSync(path.join(blankDir, "app/page.jsx"), `export default function Page() {\n  return <main><h1>Blank Next.js page</h1><p>The baseline for pnpm bench:web.</p></main>;\n}\n`);
writeFileSync(path.join(blankDir, "next.config.mjs"), `export default { turbopack: { root: ${JSON.stringify(root)} } };\n`);
run(process.execPath, [nextBin, "build", blankDir], { cwd: web });

// 2. The app, with a fresh demo club in its own embedded database folder.
if (!process.env.BENCH_SKIP_BUILD) run("pnpm", ["--filter", "@loadline/web", "build"], { cwd: root });
const appEnv = {
  ...env,
  LOADLINE_DATA_DIR: path.join(root, ".data", `bench-${port}`),
  DATABASE_URL: "",
  PORT: String(port),
  AUTH_SECRET: secret,
  AUTH_URL: `http://localhost:${port}`,
  AUTH_TRUST_HOST: "true",
};
run("pnpm", ["--filter", "@loadline/web", "seed", "--reset"], { cwd: root, env: appEnv });
start("pnpm", ["--filter", "@loadline/web", "exec", "next", "start"], { cwd: root, env: appEnv });
start(process.execPath, [nextBin, "start", blankDir, "-p", String(port + 1)], { cwd: web });

try {
  await waitFor(`http://localhost:${port}/sign-in`);
  await waitFor(`http://localhost:${port + 1}/`);

  // 3. Session cookies of the demo athlete and coach.
  // TypeScript source: this script runs under tsx (see the root package.json).
  const { DEMO_PASSWORD, demoAthleteEmail, demoStaff } = await import(path.join(toolsRoot, "packages/db/src/seed/demo-people.ts"));
  const logins = {
    athlete: { email: demoAthleteEmail, password: DEMO_PASSWORD, home: "/me" },
    coach: { email: demoStaff.coach.email, password: DEMO_PASSWORD, home: "/coach/board" },
  };
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  const cookies = {};
  for (const [role, login] of Object.entries(logins)) {
    const context = await browser.newContext({ baseURL: `http://localhost:${port}` });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(login.email);
    await page.getByLabel("Password").fill(login.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === login.home, { timeout: 60_000 });
    // Warm the page once (the first request compiles nothing in production, but fills caches like a returning user's).
    await page.goto(login.home);
    cookies[role] = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    await context.close();
  }
  await browser.close();

  // 4. Lighthouse through one headless Chromium.
  const debuggingPort = port + 2;
  start(chromiumPath, ["--headless=new", `--remote-debugging-port=${debuggingPort}`, "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "about:blank"], {});
  await waitFor(`http://127.0.0.1:${debuggingPort}/json/version`);

  async function measure(url, cookie) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(url, {
        port: debuggingPort,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance"],
        ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
      });
      const lhr = result.lhr;
      if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`${url} ended on ${lhr.finalDisplayedUrl}: not signed in?`);
      const requests = lhr.audits["network-requests"].details.items;
      const jsBytes = requests.filter((r) => r.resourceType === "Script").reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
      samples.push({
        score: Math.round((lhr.categories.performance.score ?? 0) * 100),
        lcp: lhr.audits["largest-contentful-paint"].numericValue,
        tbt: lhr.audits["total-blocking-time"].numericValue,
        jsBytes,
      });
    }
    samples.sort((a, b) => a.score - b.score);
    return samples[Math.floor(samples.length / 2)];
  }

  const blank = await measure(`http://localhost:${port + 1}/`, null);
  const pages = [
    ["blank Next.js page", blank],
    ["athlete Today (/me)", await measure(`http://localhost:${port}/me`, cookies.athlete)],
    ["coach board (/coach/board)", await measure(`http://localhost:${port}/coach/board`, cookies.coach)],
  ];

  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const lighthouseVersion = createRequire(import.meta.url)("lighthouse/package.json").version;
  console.log(`\nLighthouse ${lighthouseVersion}, mobile preset, median of ${runs} run(s)`);
  console.log(`${"page".padEnd(28)} ${"score".padStart(5)} ${"LCP".padStart(8)} ${"TBT".padStart(8)} ${"first-load JS".padStart(14)} ${"x blank".padStart(8)}`);
  for (const [name, m] of pages) {
    console.log(
      `${name.padEnd(28)} ${String(m.score).padStart(5)} ${`${(m.lcp / 1000).toFixed(2)} s`.padStart(8)} ${`${Math.round(m.tbt)} ms`.padStart(8)} ${kb(m.jsBytes).padStart(14)} ${(m.jsBytes / blank.jsBytes).toFixed(2).padStart(8)}`,
    );
  }
  console.log("Targets: score >= 95 on Today and the board; Today's first-load JS <= 1.25 x the blank page.");
} finally {
  for (const child of children) {
    try {
      process.kill(-child.pid);
    } catch {
      child.kill("SIGTERM");
    }
  }
  rmSync(blankDir, { recursive: true, force: true });
}
