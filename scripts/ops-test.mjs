#!/usr/bin/env node
// `pnpm test:ops`: the operations tests against the production build (run `pnpm build` first),
// on a private PostgreSQL cluster under a temp folder (never the machine's shared one):
//
// 1. fault: athletes write session logs under a bounded load while PostgreSQL is stopped and
//    started again. Every request must be answered (a 503 with Retry-After while it is down, no
//    hang, no SQL), no acknowledged write lost, none duplicated when the client resends with the
//    same idempotency key, and every request green again soon after the database is back
//    (target 5 s, limit OPS_RECOVERY_LIMIT_MS, 30 s by default for slow CI machines).
// 2. replicas: a second app process on the same database and a round-robin proxy in front of
//    both: a session made on one works on the other, sign-in throttling counts across both, and a
//    job queued through one runs once.
//
// `pnpm test:ops fault` or `pnpm test:ops replicas` runs one. Ports: E2E_PORT_BASE + 50..53.
import { randomUUID } from "node:crypto";
import http from "node:http";
import {
  Client,
  createCluster,
  DEMO_ATHLETE,
  DEMO_COACH,
  DEMO_PASSWORD,
  DEMO_PHYSIO,
  seconds,
  seed,
  sessionLog,
  sleep,
  startApp,
  waitFor,
} from "./ops/harness.mjs";

const portBase = Number(process.env.E2E_PORT_BASE ?? 3100) + 50;
const recoveryLimitMs = Number(process.env.OPS_RECOVERY_LIMIT_MS ?? 30_000);
const recoveryTargetMs = 5_000;
const wanted = process.argv.slice(2);
const runs = (name) => wanted.length === 0 || wanted.includes(name);

const METRICS_TOKEN = "ops-test-metrics-token-0123456789";
const failures = [];
const percentile = (values, p) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const expectThat = (ok, message) => {
  console.log(`  ${ok ? "ok  " : "FAIL"} ${message}`);
  if (!ok) failures.push(message);
};

const cluster = createCluster(portBase);
const databaseUrl = cluster.url();
const apps = [];
try {
  seed(databaseUrl);
  const a = startApp({
    port: portBase + 1,
    databaseUrl,
    name: "app-a",
    env: { LOADLINE_INLINE_WORKER: "true", LOADLINE_METRICS_TOKEN: METRICS_TOKEN },
  });
  apps.push(a);
  const readyMs = await waitFor(`${a.origin}/api/health/ready`);
  console.log(`app-a ready in ${seconds(readyMs)}`);
  if (runs("fault")) await faultTest(a);
  if (runs("replicas")) await replicasTest(a);
} catch (error) {
  failures.push(String(error?.stack ?? error));
  console.error(error);
} finally {
  if (failures.length)
    for (const app of apps)
      console.error(
        `--- ${app.name} output (last 40 lines) ---\n${app.output.join("").split("\n").slice(-40).join("\n")}`,
      );
  for (const app of apps) await app.stop();
  cluster.destroy();
}
if (failures.length) {
  console.error(`\n${failures.length} operations check(s) failed.`);
  process.exit(1);
}
console.log("\nOperations tests passed.");

async function faultTest(app) {
  console.log("\n== fault: PostgreSQL stopped and started during a write load");
  const athlete = new Client(app.origin);
  await athlete.signIn(DEMO_ATHLETE, DEMO_PASSWORD);
  const workers = Number(process.env.OPS_WRITERS ?? 12);
  const loadMs = Number(process.env.OPS_LOAD_MS ?? 20_000);
  const downAfterMs = 4_000;
  const downForMs = 3_000;
  const sent = new Map(); // idempotency key -> the input
  const acknowledged = new Set();
  const answers = [];
  let index = 0;
  const t0 = performance.now();
  let upAt = null;
  let downAt = null;
  let readyWhileDown = null;

  const writer = async () => {
    while (performance.now() - t0 < loadMs) {
      const input = sessionLog(index++);
      sent.set(input.idempotencyKey, input);
      const answer = await athlete.call("mutation", "athleteLogs.logSession", input);
      answers.push({ at: performance.now() - t0, ...answer });
      if (answer.status === 200) acknowledged.add(input.idempotencyKey);
      else if (answer.status === 503) await sleep(Number(answer.retryAfter ?? 1) * 250);
    }
  };
  const restart = async () => {
    await sleep(downAfterMs);
    downAt = performance.now() - t0;
    cluster.stop();
    console.log(`  PostgreSQL stopped at ${seconds(downAt)}`);
    const probeStarted = performance.now();
    const probe = await fetch(`${app.origin}/api/health/ready`).catch(() => null);
    readyWhileDown = {
      status: probe?.status,
      ms: performance.now() - probeStarted,
      body: await probe?.json().catch(() => null),
    };
    await sleep(downForMs);
    cluster.start();
    while (!cluster.isReady()) await sleep(50);
    upAt = performance.now() - t0;
    console.log(`  PostgreSQL accepting connections again at ${seconds(upAt)}`);
  };
  await Promise.all([...Array.from({ length: workers }, writer), restart()]);

  const byStatus = {};
  for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  const hung = answers.filter((a) => a.status === "timeout" || a.status === "network");
  const leaked = answers.filter(
    (a) => a.status !== 200 && /select |insert |postgres|ECONN|CONNECT_TIMEOUT/i.test(a.text ?? ""),
  );
  const unexpected = answers.filter(
    (a) => typeof a.status === "number" && a.status !== 200 && a.status !== 503,
  );
  const no503Header = answers.filter((a) => a.status === 503 && !a.retryAfter);
  const slowest = Math.max(...answers.map((a) => a.ms));
  // Green again: the end of the last failed request after the database came back.
  const lastFailure = answers
    .filter((a) => a.status !== 200 && a.at >= upAt)
    .reduce((m, a) => Math.max(m, a.at), upAt);
  const recoveryMs = lastFailure - upAt;
  const afterRecovery = answers.filter((a) => a.at > lastFailure);

  // The form resends what was not acknowledged, with the same key, until it is.
  const unacknowledged = [...sent.keys()].filter((k) => !acknowledged.has(k));
  let resent = 0;
  for (const key of unacknowledged) {
    const answer = await athlete.call("mutation", "athleteLogs.logSession", sent.get(key));
    if (answer.status === 200) {
      acknowledged.add(key);
      resent++;
    }
  }
  const rows = cluster
    .psql(
      `select idempotency_key || ' ' || count(*) from session_logs where idempotency_key is not null group by idempotency_key`,
    )
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split(" "))
    .filter(([key]) => sent.has(key));
  const stored = new Map(rows.map(([key, n]) => [key, Number(n)]));
  const lost = [...acknowledged].filter((k) => !stored.has(k));
  const duplicates = [...stored.values()].filter((n) => n > 1).length;

  console.log(
    `  ${answers.length} requests by ${workers} writers in ${seconds(loadMs)}: ${JSON.stringify(byStatus)}; slowest answer ${seconds(slowest)}`,
  );
  console.log(
    `  database down ${seconds(upAt - downAt)}; every request green again ${seconds(recoveryMs)} after it accepted connections (target ${seconds(recoveryTargetMs)}, limit ${seconds(recoveryLimitMs)})`,
  );
  console.log(
    `  ${unacknowledged.length} not acknowledged during the load, ${resent} acknowledged on resend with the same key; ${stored.size} rows stored`,
  );
  expectThat(hung.length === 0, `every request answered (${hung.length} hung or cut off)`);
  expectThat(
    unexpected.length === 0,
    `only 200 or 503 answers (${unexpected.length} others: ${[...new Set(unexpected.map((a) => a.status))].join(", ")})`,
  );
  expectThat(no503Header.length === 0, `every 503 carries Retry-After (${no503Header.length} without)`);
  expectThat(leaked.length === 0, `no SQL or driver detail in any answer (${leaked.length} leaked)`);
  expectThat((byStatus[503] ?? 0) > 0, "the outage was seen (some 503s while the database was down)");
  expectThat(lost.length === 0, `0 acknowledged writes lost (${lost.length} lost)`);
  expectThat(duplicates === 0, `0 duplicates (${duplicates} keys stored more than once)`);
  expectThat(
    stored.size === acknowledged.size && unacknowledged.length === resent,
    `every write stored exactly once after resends (${stored.size} rows, ${acknowledged.size} acknowledged)`,
  );
  expectThat(
    afterRecovery.length > 0,
    `requests kept succeeding after recovery (${afterRecovery.length} answered 200)`,
  );
  expectThat(
    recoveryMs <= recoveryLimitMs,
    `green again within ${seconds(recoveryLimitMs)} (measured ${seconds(recoveryMs)})`,
  );
  if (recoveryMs > recoveryTargetMs)
    console.log(
      `  note: recovery ${seconds(recoveryMs)} is above the ${seconds(recoveryTargetMs)} target on this machine`,
    );
  const ready = await fetch(`${app.origin}/api/health/ready`);
  expectThat(ready.status === 200, `ready again after the restart (${ready.status})`);
  expectThat(
    readyWhileDown?.status === 503 &&
      readyWhileDown.body?.checks?.database?.ok === false &&
      readyWhileDown.ms < 3_000,
    `not ready while the database was down (${readyWhileDown?.status} in ${seconds(readyWhileDown?.ms ?? 0)}: ${readyWhileDown?.body?.checks?.database?.detail})`,
  );
  const unavailable = answers.find((a) => a.status === 503);
  const reference = unavailable?.body?.error?.json?.data?.requestId;
  expectThat(
    typeof reference === "string" && app.output.join("").includes(reference),
    `a 503 answer names its request id, and the log has it (${reference})`,
  );
  const requestLines = app.output
    .join("")
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l))
    .filter((r) => r.event === "request");
  expectThat(
    requestLines.length >= answers.length &&
      requestLines.every((r) => r.requestId) &&
      requestLines.filter((r) => r.status === 200).every((r) => r.userId && r.organisationId),
    `one JSON log line per request with its request id, and user and organisation ids once signed in (${requestLines.length} lines)`,
  );

  // Figures for docs/capacity.md: a steady-state write, and the coach's board of the demo club.
  const steady = answers.filter((a) => a.status === 200 && a.at < downAt).map((a) => a.ms);
  const steadyCount = answers.filter((a) => a.at < downAt).length;
  console.log(
    `  figures: before the outage ${steadyCount} writes in ${seconds(downAt)} (${(steadyCount / (downAt / 1000)).toFixed(1)}/s with ${workers} writers), latency p50 ${percentile(steady, 50).toFixed(0)} ms, p95 ${percentile(steady, 95).toFixed(0)} ms`,
  );
  const coach = new Client(app.origin);
  await coach.signIn(DEMO_COACH, DEMO_PASSWORD);
  const boardMs = [];
  for (let i = 0; i < 20; i++) boardMs.push((await coach.call("query", "board.rows", {})).ms);
  console.log(
    `  figures: board of the demo club, 20 reads: p50 ${percentile(boardMs, 50).toFixed(0)} ms, p95 ${percentile(boardMs, 95).toFixed(0)} ms`,
  );

  // Metrics: refused without the token, figures with it.
  const anonymous = await fetch(`${app.origin}/api/metrics`);
  const scraped = await fetch(`${app.origin}/api/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  const text = await scraped.text();
  const wanted = [
    "loadline_trpc_procedure_duration_seconds_bucket",
    'loadline_db_pool_connections{kind="in_use"}',
    "loadline_queue_jobs",
    "loadline_assessment_snapshot_lag_seconds",
  ];
  expectThat(
    anonymous.status === 401 && scraped.status === 200 && wanted.every((w) => text.includes(w)),
    `/api/metrics: 401 without the token, Prometheus figures with it (${anonymous.status}, ${scraped.status}, missing: ${wanted.filter((w) => !text.includes(w)).join(", ") || "none"})`,
  );
}

/** A round-robin HTTP proxy in front of `targets` (what a load balancer does). */
function roundRobin(port, targets) {
  let next = 0;
  const counts = new Map(targets.map((t) => [t.port, 0]));
  const server = http.createServer((request, response) => {
    const target = targets[next++ % targets.length];
    counts.set(target.port, counts.get(target.port) + 1);
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: target.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, "x-forwarded-for": "203.0.113.9" },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve({ server, counts })));
}

async function replicasTest(a) {
  console.log("\n== replicas: two app processes on one database behind a round-robin proxy");
  const proxyPort = portBase + 3;
  const proxyOrigin = `http://localhost:${proxyPort}`;
  // Both replicas are reached under the proxy's name (one AUTH_URL), like behind a load balancer.
  const env = { AUTH_URL: proxyOrigin, LOADLINE_TRUSTED_PROXY: "true" };
  await a.stop();
  apps.length = 0;
  // Replica 2 also sends its traces to a stand-in OTLP collector.
  const collector = await otlpCollector(portBase + 4);
  const one = startApp({
    port: portBase + 1,
    databaseUrl,
    name: "replica-1",
    env: { ...env, LOADLINE_INLINE_WORKER: "true" },
  });
  const two = startApp({
    port: portBase + 2,
    databaseUrl,
    name: "replica-2",
    env: {
      ...env,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${portBase + 4}`,
      OTEL_BSP_SCHEDULE_DELAY: "200",
    },
  });
  apps.push(one, two);
  await Promise.all([waitFor(`${one.origin}/api/health/ready`), waitFor(`${two.origin}/api/health/ready`)]);
  const { server, counts } = await roundRobin(proxyPort, [one, two]);
  try {
    // Sign in (csrf on one replica, the credentials post on the other), then read through both.
    const coach = new Client(proxyOrigin);
    await coach.signIn(DEMO_COACH, DEMO_PASSWORD);
    const reads = [];
    for (let i = 0; i < 4; i++) reads.push(await coach.call("query", "roster.squads", undefined));
    expectThat(
      reads.every((r) => r.status === 200),
      `a session made through one replica works on both (${reads.map((r) => r.status).join(", ")}; ${[...counts.values()].join(" + ")} requests per replica)`,
    );

    // Throttling lives in the database: wrong passwords through alternating replicas add up.
    const attacker = new Client(proxyOrigin);
    const email = "nobody-" + randomUUID().slice(0, 8) + "@loadline.test";
    for (let i = 0; i < 4; i++) await attacker.signIn(email, "wrong-password").catch(() => {});
    const counted = Number(
      cluster.psql(`select coalesce(sum(failures), 0) from auth_throttles where key like '%${email}'`),
    );
    expectThat(
      counted === 4,
      `sign-in throttle counts are shared: 4 failures through 2 replicas counted ${counted} for the account`,
    );

    // A job queued through replica 2 (no worker of its own) runs once, on replica 1's worker:
    // the physio edits the demo athlete's clinical profile, which re-assesses them off the
    // request. Earlier jobs drain first, so this one cannot merge into one of theirs.
    const athlete = new Client(proxyOrigin);
    await athlete.signIn(DEMO_ATHLETE, DEMO_PASSWORD);
    const profile = (await athlete.call("query", "me.profile", undefined)).body?.result?.data?.json;
    const physio = new Client(proxyOrigin);
    await physio.signIn(DEMO_PHYSIO, DEMO_PASSWORD);
    const openJobs = () =>
      Number(
        cluster.psql(
          `select count(*) from pgboss.job where name = 'reassess-athlete' and state in ('created', 'retry', 'active') and start_after <= now()`,
        ),
      );
    for (let i = 0; i < 120 && openJobs() > 0; i++) await sleep(250);
    const direct = new Client(two.origin);
    direct.cookies = physio.cookies;
    const since = cluster.psql("select now()");
    const athleteId = String(profile?.id ?? "");
    const write = await direct.call("mutation", "episodes.updateClinicalProfile", {
      athleteId,
      // The whole clinical profile, as the physio's form sends it (unchanged values).
      profile: {
        conditions: profile?.conditions ?? [],
        notes: profile?.notes ?? "",
        preInjuryWeeklyKm: profile?.preInjuryWeeklyKm ?? null,
        bmi: profile?.bmi ?? null,
        usualCadenceSpm: profile?.usualCadenceSpm ?? null,
      },
    });
    expectThat(write.status === 200, `a clinical write through replica 2 is acknowledged (${write.status})`);
    let states = "";
    for (let i = 0; i < 120; i++) {
      states = cluster.psql(
        `select coalesce(string_agg(state::text || ':' || coalesce(retry_count, 0), ',' order by created_on), '') from pgboss.job where name = 'reassess-athlete' and singleton_key = (select organisation_id::text from athlete_profiles where id = '${athleteId}') || ':${athleteId}' and created_on >= '${since}'`,
      );
      if (states && !/created|active|retry/.test(states)) break;
      await sleep(250);
    }
    expectThat(
      athleteId !== "" && states === "completed:0",
      `its re-assessment job ran once, on the replica with the worker (${states || "no job"})`,
    );

    // Spans of that request reached the collector: the procedure, its transaction, statements.
    let names = new Set();
    for (let i = 0; i < 40; i++) {
      names = new Set(collector.spans.map((span) => span.name));
      if (
        names.has("trpc episodes.updateClinicalProfile") &&
        names.has("db.transaction") &&
        names.has("db.query")
      )
        break;
      await sleep(250);
    }
    expectThat(
      names.has("trpc episodes.updateClinicalProfile") &&
        names.has("db.transaction") &&
        names.has("db.query"),
      `OpenTelemetry spans exported over OTLP (${collector.spans.length} spans named ${[...names]
        .map((n) => n.replace(/ .*/, ""))
        .filter((n, i, all) => all.indexOf(n) === i)
        .join(", ")})`,
    );
    const leaked = collector.spans.filter((span) =>
      JSON.stringify(span.attributes ?? []).includes(profile?.notes || "\u0000never"),
    );
    expectThat(leaked.length === 0, `no span carries the athlete's clinical notes (${leaked.length})`);
  } finally {
    server.close();
    collector.server.close();
  }
}

/** A stand-in OpenTelemetry collector: OTLP/HTTP JSON traces, kept in memory. */
function otlpCollector(port) {
  const spans = [];
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on("data", (c) => chunks.push(c));
    request.on("end", () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        for (const resource of body.resourceSpans ?? [])
          for (const scope of resource.scopeSpans ?? []) spans.push(...(scope.spans ?? []));
      } catch {
        // not JSON: counted as nothing
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end("{}");
    });
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve({ server, spans })));
}
