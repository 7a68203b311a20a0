import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against the production build (`next build` runs first through turbo's
 * e2e -> build dependency). One server per database: embedded PGlite always, and the
 * PostgreSQL server too when DATABASE_URL is set. Each server starts from a fresh demo club.
 */
const root = path.resolve(import.meta.dirname, "..");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const secret = process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-000000";

// E2E_PORT_BASE lets two runs share a machine; each port has its own embedded database folder.
const portBase = Number(process.env.E2E_PORT_BASE ?? 3100);
const targets: { name: string; port: number; env: Record<string, string> }[] = [
  { name: "pglite", port: portBase, env: { LOADLINE_DATA_DIR: path.join(root, ".data", `e2e-pglite-${portBase}`), DATABASE_URL: "" } },
  ...(process.env.DATABASE_URL ? [{ name: "postgres", port: portBase + 1, env: { DATABASE_URL: process.env.DATABASE_URL } }] : []),
];

export default defineConfig({
  testDir: "./tests",
  // One output folder per port base: Playwright empties it at start.
  outputDir: `test-results/${portBase}`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    trace: "retain-on-failure",
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
  projects: targets.flatMap((target) => {
    const baseURL = `http://localhost:${target.port}`;
    return [
      { name: `setup-${target.name}`, testMatch: /auth\.setup\.ts/, use: { ...devices["Desktop Chrome"], baseURL } },
      {
        name: target.name,
        dependencies: [`setup-${target.name}`],
        testIgnore: /auth\.setup\.ts/,
        use: { ...devices["Desktop Chrome"], baseURL },
      },
    ];
  }),
  webServer: targets.map((target) => ({
    command: "pnpm --filter @loadline/web seed --reset && pnpm --filter @loadline/web exec next start",
    cwd: root,
    url: `http://localhost:${target.port}/sign-in`,
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
    },
  })),
});
