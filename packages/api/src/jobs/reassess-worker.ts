import type PgBoss from "pg-boss";
import { DomainError, ENGINE_VERSION } from "@loadline/domain";
import { athletesWithoutSnapshot, databaseNow, jobSqlFor, listJobs, outdatedSnapshots, readSnapshots, type Database } from "@loadline/db";
import { refreshAssessments } from "../services/assessments";
import { inSpan } from "../telemetry";
import { producerFor, REASSESS_QUEUE, reassessQueue, startBoss, type ReassessJobData } from "./reassess-queue";
import { RETENTION_QUEUE, runRetention, scheduleRetention } from "./retention";
import { reminderMailFromEnv, startReminderJob, type ReminderMail } from "./reminder-job";

/**
 * Re-assess the athletes of a batch of jobs: one `refreshAssessments` per organisation (a fixed
 * number of queries whatever the batch size). A scheduled run whose snapshot is still fresh
 * (a later write already re-assessed the athlete) does nothing. Idempotent, so a job delivered
 * twice (its worker died after the work, before completing it) stores the same result.
 */
export async function handleReassessJobs(db: Database, jobs: { data: ReassessJobData }[], now: Date): Promise<void> {
  const byOrganisation = new Map<string, { always: Set<string>; ifStale: Set<string> }>();
  for (const { data } of jobs) {
    const group = byOrganisation.get(data.organisationId) ?? { always: new Set<string>(), ifStale: new Set<string>() };
    byOrganisation.set(data.organisationId, group);
    (data.due ? group.ifStale : group.always).add(data.athleteId);
  }
  for (const [organisationId, { always, ifStale }] of byOrganisation) {
    const athleteIds = [...always];
    const scheduled = [...ifStale].filter((id) => !always.has(id));
    if (scheduled.length > 0) {
      const snapshots = new Map((await readSnapshots(db, organisationId, scheduled)).map((s) => [s.athleteId, s]));
      for (const athleteId of scheduled) {
        const snapshot = snapshots.get(athleteId);
        const fresh = snapshot !== undefined && snapshot.engineVersion === ENGINE_VERSION && snapshot.staleAfter.getTime() > now.getTime();
        if (!fresh) athleteIds.push(athleteId);
      }
    }
    await refreshAssessments(db, organisationId, athleteIds, now);
  }
}

/** Snapshots per page of the engine-version sweep. */
const SWEEP_PAGE = 500;

/**
 * Queue every snapshot computed by another engine version, oldest first: pages in computed_at
 * order, and a falling priority so workers take the oldest first (pg-boss fetches by priority,
 * then creation time), after any write's job (priority 0). Returns how many were queued.
 */
export async function enqueueOutdatedSnapshots(db: Database): Promise<number> {
  const queue = await reassessQueue(db);
  let cursor: { computedAt: Date; athleteId: string } | null = null;
  let queued = 0;
  for (;;) {
    const page = await outdatedSnapshots(db, ENGINE_VERSION, cursor, SWEEP_PAGE);
    if (page.length === 0) return queued;
    const byOrganisation = new Map<string, { ids: string[]; priorities: number[] }>();
    page.forEach((s, i) => {
      const group = byOrganisation.get(s.organisationId) ?? { ids: [], priorities: [] };
      byOrganisation.set(s.organisationId, group);
      group.ids.push(s.athleteId);
      group.priorities.push(-(queued + i + 1));
    });
    for (const [organisationId, { ids, priorities }] of byOrganisation) await queue.enqueue(organisationId, ids, { priorities });
    queued += page.length;
    const last = page.at(-1)!;
    cursor = { computedAt: last.computedAt, athleteId: last.athleteId };
  }
}

/**
 * Queue every active athlete that has no snapshot yet, so a freshly seeded or imported club is
 * assessed when the worker starts rather than at its first board view. Returns how many.
 */
export async function enqueueMissingSnapshots(db: Database): Promise<number> {
  const queue = await reassessQueue(db);
  let after: string | null = null;
  let queued = 0;
  for (;;) {
    const page = await athletesWithoutSnapshot(db, after, SWEEP_PAGE);
    if (page.length === 0) return queued;
    const byOrganisation = new Map<string, string[]>();
    for (const row of page) byOrganisation.set(row.organisationId, [...(byOrganisation.get(row.organisationId) ?? []), row.athleteId]);
    for (const [organisationId, ids] of byOrganisation) await queue.enqueue(organisationId, ids);
    queued += page.length;
    after = page.at(-1)!.athleteId;
  }
}

export interface WorkerOptions {
  /** The clock the handler assesses at (tests pass a fixed one). */
  clock?: () => Date;
  /** Jobs fetched and re-assessed together. */
  batchSize?: number;
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
  /** Test hook: runs before each batch is handled (the crash test blocks here). */
  beforeBatch?: (jobs: PgBoss.Job<ReassessJobData>[]) => Promise<void>;
  /** Reminder emails: the SMTP mailer and public address (default from the environment); null: none are sent. */
  reminders?: ReminderMail | null;
}

export interface RunningWorker {
  /** Stop fetching, let the running batch finish (up to `timeoutMs`), then stop. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * A worker on this database: pg-boss maintenance (a job whose worker died is retried once it
 * expires), the sweeps (athletes never assessed, snapshots of another engine version), then the
 * queue, the daily retention job (erasing athletes archived longer than their club keeps them)
 * and, with SMTP, the reminder emails. Several may run side by side: each job is fetched by one
 * of them (FOR UPDATE SKIP LOCKED).
 */
export async function startWorker(db: Database, options: WorkerOptions = {}): Promise<RunningWorker> {
  const clock = options.clock ?? (() => new Date());
  const reminders = options.reminders === undefined ? reminderMailFromEnv() : options.reminders;
  const boss = await startBoss(jobSqlFor(db), {
    // Always: the daily retention job is a schedule; reminder emails add theirs with SMTP.
    schedule: true,
    supervise: true,
    ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
  });
  await enqueueMissingSnapshots(db);
  await enqueueOutdatedSnapshots(db);
  await boss.work<ReassessJobData>(
    REASSESS_QUEUE,
    { batchSize: options.batchSize ?? 50, ...(options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}) },
    async (jobs) => {
      if (options.beforeBatch) await options.beforeBatch(jobs);
      await inSpan("job reassess-athlete", { "messaging.system": "pg-boss", "messaging.batch.message_count": jobs.length }, () =>
        handleReassessJobs(db, jobs, clock()),
      );
    },
  );
  await scheduleRetention(boss);
  // A daily job: polling once a minute is plenty, and spares the embedded database's one connection.
  await boss.work(RETENTION_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
    await runRetention(db, clock());
  });
  // Reminder emails only where the instance can send email; without SMTP the app shows them only.
  if (reminders) await startReminderJob(boss, db, reminders, clock);
  return {
    async stop(timeoutMs = 30_000) {
      await boss.stop({ graceful: true, close: false, timeout: timeoutMs });
    },
  };
}

/** More jobs than this in one drain means jobs keep creating jobs: a bug, not a backlog. */
const DRAIN_LIMIT = 100_000;
/**
 * A job inserted an instant ago may not be due on the database's clock yet (pg-boss fetches jobs
 * whose start_after lies strictly before now()); the drain waits this long for such a job.
 */
const DUE_SOON_MS = 2_000;

/** The drain stopped with jobs still open that it could not run now: each one, and why. */
export class PendingJobsNotDue extends Error {
  constructor(readonly jobs: { id: string; singletonKey: string | null; state: string; retryCount: number; startAfter: Date }[]) {
    super(
      `runPendingJobs: ${jobs.length} job(s) still open that could not run now: ` +
        jobs
          .map((j) =>
            j.state === "active"
              ? `${j.singletonKey ?? j.id} is running in another worker`
              : j.state === "retry"
                ? `${j.singletonKey ?? j.id} failed ${j.retryCount} time(s) and waits for a retry at ${j.startAfter.toISOString()}`
                : `${j.singletonKey ?? j.id} is not due until ${j.startAfter.toISOString()}`,
          )
          .join("; "),
    );
    this.name = "PendingJobsNotDue";
  }
}

/**
 * Jobs that are open but were not fetched: running elsewhere, waiting for a retry, or due later
 * on the database's clock. A scheduled run (`due`) whose time lies after the drain's own clock is
 * expected to wait and is left out.
 */
async function openJobsLeft(db: Database, now: Date) {
  const jobs = await listJobs(db, REASSESS_QUEUE);
  return jobs.filter((j) => {
    if (j.state !== "created" && j.state !== "retry" && j.state !== "active") return false;
    const scheduledLater = (j.data as ReassessJobData | null)?.due === true && j.startAfter.getTime() > now.getTime();
    return !scheduledLater;
  });
}

/**
 * Run every job that is due now, in this process, until none is left; returns them in the order
 * they ran. For tests and scripts that need the queue's effect at a known point (a write, then
 * the board): the same handler the worker runs, synchronously.
 *
 * It never returns with work silently left behind: a job inserted an instant ago (not yet due on
 * the database's clock) is waited for, up to `DUE_SOON_MS`; a job running in another worker,
 * waiting for a retry after a failure, or due later throws `PendingJobsNotDue` naming each. Only
 * scheduled runs dated after `now` (the drain's clock) are expected to stay.
 */
export async function runPendingJobs(db: Database, now: Date, options: { batchSize?: number } = {}): Promise<ReassessJobData[]> {
  const boss = await producerFor(db);
  const ran: ReassessJobData[] = [];
  for (;;) {
    const jobs = await boss.fetch<ReassessJobData>(REASSESS_QUEUE, { batchSize: options.batchSize ?? 100 });
    if (jobs.length === 0) {
      const left = await openJobsLeft(db, now);
      if (left.length === 0) return ran;
      const dbNow = await databaseNow(db);
      const dueSoon = left.every((j) => j.state === "created" && j.startAfter.getTime() - dbNow.getTime() <= DUE_SOON_MS);
      if (!dueSoon) throw new PendingJobsNotDue(left);
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    try {
      await handleReassessJobs(db, jobs, now);
    } catch (error) {
      await boss.fail(REASSESS_QUEUE, jobs.map((j) => j.id));
      throw error;
    }
    await boss.complete(REASSESS_QUEUE, jobs.map((j) => j.id));
    ran.push(...jobs.map((j) => j.data));
    if (ran.length > DRAIN_LIMIT) throw new DomainError("conflict", `More than ${DRAIN_LIMIT} jobs in one drain`);
  }
}
