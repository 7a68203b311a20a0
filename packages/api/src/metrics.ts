import { timingSafeEqual } from "node:crypto";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { queueDepth, snapshotLag, type DatabaseHandle } from "@loadline/db";

/**
 * The Prometheus figures of one process. Request figures are counted as requests run; pool,
 * queue and snapshot figures are read when Prometheus scrapes. One registry per process, kept on
 * globalThis because Next evaluates server modules more than once.
 */
interface Metrics {
  registry: Registry;
  procedureSeconds: Histogram<"procedure" | "outcome">;
  source: { handle: (() => Promise<DatabaseHandle>) | null };
  scrapeFailures: Counter;
  gauges: Gauge[];
}

const key = Symbol.for("loadline.metrics");
const slot = globalThis as { [key]?: Metrics };

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "loadline_process_" });
  const source: Metrics["source"] = { handle: null };
  const scrapeFailures = new Counter({
    name: "loadline_metrics_scrape_failures_total",
    help: "Scrapes whose database figures could not be read",
    registers: [registry],
  });
  // A scrape during an outage still answers (process and request figures); the database
  // figures are left out and counted as a failed read.
  const fromDatabase = async (read: (handle: DatabaseHandle) => void | Promise<void>) => {
    try {
      const handle = await source.handle?.();
      if (handle) await read(handle);
    } catch {
      scrapeFailures.inc();
    }
  };
  const procedureSeconds = new Histogram({
    name: "loadline_trpc_procedure_duration_seconds",
    help: "tRPC procedure latency by procedure and outcome (ok or the error code)",
    labelNames: ["procedure", "outcome"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const pool = new Gauge({
    name: "loadline_db_pool_connections",
    help: "Database pool: size, permits in use, callers waiting (PostgreSQL only)",
    labelNames: ["kind"],
    registers: [registry],
    async collect() {
      await fromDatabase((handle) => {
        const stats = handle.poolStats?.();
        if (!stats) return;
        this.set({ kind: "size" }, stats.size);
        this.set({ kind: "in_use" }, stats.inUse);
        this.set({ kind: "waiting" }, stats.waiting);
      });
    },
  });
  const queue = new Gauge({
    name: "loadline_queue_jobs",
    help: "Unfinished jobs by queue and state (created, retry, active)",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      await fromDatabase(async (handle) => {
        const rows = await queueDepth(handle.db);
        this.reset();
        for (const row of rows) this.set({ queue: row.queue, state: row.state }, row.count);
      });
    },
  });
  const lag = new Gauge({
    name: "loadline_assessment_snapshot_lag_seconds",
    help: "How far assessments lag: the oldest overdue snapshot, the oldest waiting re-assessment job",
    labelNames: ["measure"],
    registers: [registry],
    async collect() {
      await fromDatabase(async (handle) => {
        const figures = await snapshotLag(handle.db, new Date());
        this.set({ measure: "snapshot_overdue" }, figures.overdueSeconds);
        this.set({ measure: "oldest_waiting_job" }, figures.oldestWaitingJobSeconds);
      });
    },
  });
  return {
    registry,
    procedureSeconds,
    source,
    scrapeFailures,
    gauges: [pool, queue, lag],
  };
}

function metrics(): Metrics {
  return (slot[key] ??= create());
}

/** Count one procedure call (the tRPC middleware calls this for every procedure). */
export function observeProcedure(procedure: string, outcome: string, seconds: number): void {
  metrics().procedureSeconds.observe({ procedure, outcome }, seconds);
}

/** Whether the scrape's `Authorization: Bearer <token>` matches the configured token. */
export function metricsAuthorized(header: string | null, token: string | undefined): boolean {
  if (!token) return false;
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** The Prometheus text of this process; database figures are skipped when it is unreachable. */
export async function metricsText(
  handle: () => Promise<DatabaseHandle>,
): Promise<{ contentType: string; body: string }> {
  const m = metrics();
  m.source.handle = handle;
  return {
    contentType: m.registry.contentType,
    body: await m.registry.metrics(),
  };
}
