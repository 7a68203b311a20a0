import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { FRESH_OPERATOR } from "./tests/fresh-instance";

/**
 * End-to-end tests against the production build (`next build` runs first through turbo's
 * e2e -> build dependency). One server per database: embedded PGlite always, and the
 * PostgreSQL server too when DATABASE_URL is set. E2E_TARGETS=pglite or =postgres picks one,
 * so `pnpm test` starts one server at a time. Each server starts from a fresh demo club, and
 * every spec creates what it changes, so specs pass alone, in any order and repeated.
 */
const root = path.resolve(import.meta.dirname, "..");
// A service worker's own requests pass through context.route only with this on: the athlete
// app's offline spec aborts them, as context.setOffline does not cut them.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS ??= "1";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const secret = process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-000000";

// E2E_PORT_BASE lets two runs share a machine; each port has its own embedded database folder.
const portBase = Number(process.env.E2E_PORT_BASE ?? 3100);
const allTargets: { name: string; port: number; env: Record<string, string> }[] = [
  { name: "pglite", port: portBase, env: { LOADLINE_DATA_DIR: path.join(root, ".data", `e2e-pglite-${portBase}`), DATABASE_URL: "" } },
  // With DATABASE_URL the app runs no re-assessment worker of its own unless asked to.
  ...(process.env.DATABASE_URL ? [{ name: "postgres", port: portBase + 1, env: { DATABASE_URL: process.env.DATABASE_URL, LOADLINE_INLINE_WORKER: "true" } }] : []),
];
/** The athlete's specs, run on a phone. */
const PHONE_SPECS = /athlete[^/]*\.spec\.ts$/;
const wanted = process.env.E2E_TARGETS?.split(",").map((t) => t.trim()).filter(Boolean);
const targets = wanted ? allTargets.filter((t) => wanted.includes(t.name)) : allTargets;
// "fresh": an instance from an empty embedded database without the demo (LOADLINE_DEMO=false)
// and with one operator; only the fresh-*.spec.ts files run against it.
const freshPort = portBase + 5;
const freshDir = path.join(root, ".data", `e2e-fresh-${freshPort}`);
const fresh = !wanted || wanted.includes("fresh");
if (wanted && targets.length + (fresh ? 1 : 0) !== wanted.length) throw new Error(`E2E_TARGETS=${wanted.join(",")}: postgres needs DATABASE_URL`);
const freshSpecs = /fresh-.*\.spec\.ts/;

export default defineConfig({
  testDir: "./tests",
  // One output folder per port base: Playwright empties it at start.
  outputDir: `test-results/${portBase}`,
  fullyParallel: false,
  workers: 1,
  // No retries, in CI or not: a test that passes only on its second try is a bug to fix.
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    trace: "retain-on-failure",
    // Animations end at once, so axe never measures a toast half-way through its fade.
    reducedMotion: "reduce",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    ...targets.flatMap((target) => {
      const baseURL = `http://localhost:${target.port}`;
      return [
        { name: `setup-${target.name}`, testMatch: /auth\.setup\.ts/, use: { ...devices["Desktop Chrome"], baseURL } },
        // Staff work at a desk: every spec but the athlete's, on a desktop screen.
        {
          name: target.name,
          dependencies: [`setup-${target.name}`],
          testIgnore: [/auth\.setup\.ts/, freshSpecs, PHONE_SPECS],
          use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 }, baseURL },
        },
        // Athletes log from their phone: their specs run on Playwright's Pixel 7 (Chromium, touch, 412 x 839).
        {
          name: `${target.name}-phone`,
          dependencies: [`setup-${target.name}`],
          testMatch: PHONE_SPECS,
          use: { ...devices["Pixel 7"], baseURL },
        },
      ];
    }),
    ...(fresh ? [{ name: "fresh", testMatch: freshSpecs, use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${freshPort}` } }] : []),
  ],
  webServer: [
    ...targets.map((target) => ({
    command: "pnpm --filter @loadline/web seed --reset && pnpm --filter @loadline/web exec next start",
    cwd: root,
    // Ready means database reachable, schema migrated and queue installed (/api/health/ready).
    url: `http://localhost:${target.port}/api/health/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    env: {
      ...target.env,
      PORT: String(target.port),
      AUTH_SECRET: secret,
      AUTH_URL: `http://localhost:${target.port}`,
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      // One JSON line per request would bury the test report; warnings and errors still show.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
  })),
    ...(fresh
      ? [
          {
            // A new empty folder each run; the operator is made before the app opens the folder.
            command: `rm -rf "${freshDir}" && pnpm --filter @loadline/web operator --email ${FRESH_OPERATOR.email} && pnpm --filter @loadline/web exec next start`,
            cwd: root,
            url: `http://localhost:${freshPort}/sign-in`,
            timeout: 120_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
            env: {
              LOADLINE_DATA_DIR: freshDir,
              DATABASE_URL: "",
              LOADLINE_DEMO: "false",
              LOADLINE_OPERATOR_PASSWORD: FRESH_OPERATOR.password,
              LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
              PORT: String(freshPort),
              AUTH_SECRET: secret,
              AUTH_URL: `http://localhost:${freshPort}`,
              AUTH_TRUST_HOST: "true",
              NEXT_TELEMETRY_DISABLED: "1",
            },
          },
        ]
      : []),
  ],
});
