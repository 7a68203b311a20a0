// Shared pieces of the operations tests: a private PostgreSQL cluster the test may restart, the
// production app started on it, and an HTTP client that signs in like a browser and calls tRPC.
// Nothing here touches the machine's shared PostgreSQL cluster.
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { appendFileSync, chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");

/** The seed's demo logins (packages/db/src/seed/demo-people.ts). */
export const DEMO_PASSWORD = "loadline-demo";
export const DEMO_ATHLETE = "athlete@loadline.demo";
export const DEMO_COACH = "coach@loadline.demo";
export const DEMO_PHYSIO = "physio@loadline.demo";

const pgBin = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** PostgreSQL refuses to run as root: the cluster then belongs to the `postgres` user. */
const asRoot = process.getuid?.() === 0;
function pgCommand(binary, args) {
  const full = path.join(pgBin, binary);
  return asRoot ? ["runuser", ["-u", "postgres", "--", full, ...args]] : [full, args];
}

function run(binary, args, options = {}) {
  const [cmd, argv] = pgCommand(binary, args);
  const result = spawnSync(cmd, argv, { encoding: "utf8", ...options });
  if (result.status !== 0 && !options.allowFailure)
    throw new Error(`${binary} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** A throwaway cluster under a temp folder, on its own port, trust auth over 127.0.0.1 only. */
export function createCluster(port) {
  if (!existsSync(path.join(pgBin, "initdb"))) throw new Error(`initdb not found in ${pgBin} (set PG_BIN)`);
  const dir = mkdtempSync(path.join(tmpdir(), "loadline-pg-"));
  chmodSync(dir, 0o700);
  if (asRoot) {
    const ids = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    chownSync(dir, Number(ids.stdout.trim()), Number(gid.stdout.trim()));
  }
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const cluster = {
    port,
    url: (db = "loadline") => `postgres://postgres@127.0.0.1:${port}/${db}`,
    start() {
      run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "-t", "60", "start"], {
        stdio: "pipe",
      });
    },
    /** Stop at once: every connection is cut, as when a managed database fails over. */
    stop() {
      run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"], {
        stdio: "pipe",
      });
    },
    isReady() {
      return (
        run("pg_isready", ["-q", "-h", "127.0.0.1", "-p", String(port)], {
          allowFailure: true,
        }).status === 0
      );
    },
    psql(sql, db = "loadline") {
      return run("psql", [
        "-h",
        "127.0.0.1",
        "-p",
        String(port),
        "-U",
        "postgres",
        "-d",
        db,
        "-v",
        "ON_ERROR_STOP=1",
        "-tAc",
        sql,
      ]).stdout.trim();
    },
    destroy() {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], {
        allowFailure: true,
        stdio: "pipe",
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // However the test ends (a failure, Ctrl-C), the cluster and its folder go with it.
  let destroyed = false;
  const destroy = cluster.destroy;
  cluster.destroy = () => {
    if (destroyed) return;
    destroyed = true;
    destroy();
  };
  process.on("exit", cluster.destroy);
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => process.exit(130));
  cluster.start();
  cluster.psql("create database loadline", "postgres");
  return cluster;
}

const children = new Set();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

/** The production build's server (`next start`), its output kept for a failure report. */
export function startApp({ port, databaseUrl, name, env = {} }) {
  const output = [];
  const child = spawn("pnpm", ["--filter", "@loadline/web", "exec", "next", "start", "-p", String(port)], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      AUTH_SECRET: "ops-test-secret-not-for-production-0000000",
      AUTH_URL: `http://localhost:${port}`,
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  children.add(child);
  const file = process.env.OPS_LOG_DIR ? path.join(process.env.OPS_LOG_DIR, `${name}.log`) : null;
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk) => {
      output.push(String(chunk));
      if (file) appendFileSync(file, chunk);
    });
  }
  return {
    name,
    port,
    origin: `http://localhost:${port}`,
    output,
    async stop() {
      children.delete(child);
      if (child.exitCode !== null) return;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        return;
      }
      for (let i = 0; i < 50 && child.exitCode === null; i++) await sleep(100);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // ended meanwhile
        }
      }
    },
  };
}

/** Wait until `url` answers 200 (the readiness probe), within `timeoutMs`. */
export async function waitFor(url, timeoutMs = 120_000) {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return performance.now() - started;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}

/** Seed the demo club into the cluster (migrates first). */
export function seed(databaseUrl) {
  const result = spawnSync("pnpm", ["--filter", "@loadline/web", "seed", "--reset"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`seed failed:\n${result.stdout}\n${result.stderr}`);
}

/** A browser-like client: cookies, same-origin headers, tRPC calls with a timeout. */
export class Client {
  constructor(origin) {
    this.origin = origin;
    this.cookies = new Map();
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  keep(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }

  /** Auth.js's credentials sign-in, as the sign-in form posts it. */
  async signIn(email, password) {
    const csrf = await fetch(`${this.origin}/api/auth/csrf`, {
      headers: { cookie: this.cookieHeader() },
    });
    this.keep(csrf);
    const { csrfToken } = await csrf.json();
    const response = await fetch(`${this.origin}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: this.cookieHeader(),
        origin: this.origin,
      },
      body: new URLSearchParams({
        email,
        password,
        csrfToken,
        callbackUrl: `${this.origin}/`,
      }),
    });
    this.keep(response);
    if (![...this.cookies.keys()].some((k) => k.includes("session-token")))
      throw new Error(`sign-in as ${email} failed (${response.status})`);
  }

  headers() {
    return {
      "content-type": "application/json",
      cookie: this.cookieHeader(),
      origin: this.origin,
      "sec-fetch-site": "same-origin",
    };
  }

  /** One tRPC call; answers { status, body, ms } or { status: "timeout" } after `timeoutMs`. */
  async call(kind, procedure, input, timeoutMs = 15_000) {
    const started = performance.now();
    const url =
      kind === "query"
        ? `${this.origin}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`
        : `${this.origin}/api/trpc/${procedure}`;
    try {
      const response = await fetch(url, {
        method: kind === "query" ? "GET" : "POST",
        headers: this.headers(),
        body: kind === "query" ? undefined : JSON.stringify({ json: input }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      return {
        status: response.status,
        retryAfter: response.headers.get("retry-after"),
        text,
        body: safeJson(text),
        ms: performance.now() - started,
      };
    } catch (error) {
      return {
        status: error?.name === "TimeoutError" ? "timeout" : "network",
        text: String(error),
        ms: performance.now() - started,
      };
    }
  }
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A session log the athlete form would send; `at` spread over past days so every row is distinct. */
export function sessionLog(index, idempotencyKey = randomUUID()) {
  const at = new Date(Date.UTC(2026, 0, 1, 6, 0, 0) + index * 60_000);
  return {
    idempotencyKey,
    at: at.toISOString(),
    type: "strength",
    minutes: 30,
    rpe: 5,
    painDuring: 1,
    asPrescribed: true,
    activities: [],
    heavy: false,
  };
}
