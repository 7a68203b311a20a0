import PgBoss from "pg-boss";
import { isTransaction, JOB_SCHEMA, jobSqlFor, jobSqlOver, jobSqlWithin, keysWithOpenJobs, rescheduleJobs, rootDatabaseOf, type Database, type JobSql, type Transaction } from "@loadline/db";

/** The queue that keeps assessment snapshots current. */
export const REASSESS_QUEUE = "reassess-athlete";

/**
 * One job re-assesses one athlete. Per-athlete jobs are what makes "one pending re-assessment
 * per athlete" a database constraint (pg-boss's stately policy is unique per singleton key); a
 * squad change enqueues one job per member in a single INSERT, and a worker fetches them in
 * batches and re-assesses each organisation's batch with a fixed number of queries, so nothing
 * is lost against multi-athlete jobs.
 */
export interface ReassessJobData {
  organisationId: string;
  athleteId: string;
  /** A scheduled run (the snapshot's `staleAfter`): skipped when the snapshot is still fresh. */
  due?: boolean;
}

/**
 * 'stately': at most one job per key waiting and one running (and one waiting for a retry,
 * which pg-boss counts as a state of its own). Ten writes while nothing runs
 * leave one pending job; a write while its athlete is being re-assessed leaves one more, which
 * reads the newer records. Retries back off from 5 s (5, 10, 20 ... with jitter); a job not
 * finished within 10 minutes is taken as lost (its worker died) and retried.
 */
export const REASSESS_QUEUE_OPTIONS = {
  policy: "stately",
  retryLimit: 5,
  retryDelay: 5,
  retryBackoff: true,
  expireInSeconds: 600,
} as const satisfies Omit<PgBoss.Queue, "name">;

const keyOf = (organisationId: string, athleteId: string) => `${organisationId}:${athleteId}`;
/** Scheduled runs have their own key so they never take the place of a write's job. */
const dueKeyOf = (organisationId: string, athleteId: string) => `${organisationId}:${athleteId}:due`;

export interface BossOptions {
  /** Run pg-boss's maintenance (expire lost jobs, archive): workers only. */
  supervise?: boolean;
  maintenanceIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
  /** Run pg-boss's clock monitor, which turns cron schedules into jobs: workers with a schedule only. */
  schedule?: boolean;
}

/** A pg-boss instance on this database's own connection, its schema and the queue installed. */
export async function startBoss(jobSql: JobSql, options: BossOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    db: jobSql,
    schema: JOB_SCHEMA,
    migrate: true,
    schedule: options.schedule ?? false,
    supervise: options.supervise ?? false,
    ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
    ...(options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}),
  });
  boss.on("error", (error: unknown) => console.error("job queue error", error));
  await boss.start();
  // Idempotent: pg-boss creates a queue only when it does not exist yet.
  await boss.createQueue(REASSESS_QUEUE, { name: REASSESS_QUEUE, ...REASSESS_QUEUE_OPTIONS });
  return boss;
}

/**
 * Producers, one per database, started at first use (a failed start is retried next time):
 * send-only pg-boss instances, without maintenance or polling. A producer only provides the SQL
 * and its defaults: every job is written through the caller's own handle (`insert(..., { db })`).
 */
const producers = new WeakMap<JobSql, Promise<PgBoss>>();
/** Producers whose start has finished, the only ones a transaction may use. */
const started = new WeakMap<JobSql, PgBoss>();

/**
 * The producer of this database, started now if need be. Called with a transaction, it only
 * returns a producer already started on the transaction's database: starting one goes around
 * the transaction on the database's own connection, which on PGlite (one connection) would wait
 * for that transaction forever. `inOrganisationScope` starts it before every tenant procedure.
 */
export async function producerFor(db: Database | Transaction): Promise<PgBoss> {
  if (isTransaction(db)) {
    const root = rootDatabaseOf(db);
    const boss = root ? started.get(jobSqlFor(root)) : undefined;
    if (!boss) throw new Error("The job queue was not started before this transaction opened (startReassessQueue on its database first)");
    return boss;
  }
  const jobSql = jobSqlFor(db);
  const existing = producers.get(jobSql);
  if (existing) return existing;
  const starting = startBoss(jobSql).then(
    (boss) => {
      started.set(jobSql, boss);
      return boss;
    },
    (error: unknown) => {
      producers.delete(jobSql);
      throw error;
    },
  );
  producers.set(jobSql, starting);
  return starting;
}

/**
 * Start this database's producer (installing pg-boss's schema and the queue if need be) before
 * any transaction that enqueues opens on it. Idempotent and cheap once started.
 */
export async function startReassessQueue(db: Database): Promise<void> {
  await producerFor(db);
}

/**
 * Change the queue's settings for jobs queued from now on (pg-boss copies them into each job).
 * The crash test shortens the expiry so a dead worker's job is retried within seconds.
 */
export async function updateReassessQueue(db: Database, options: { expireInSeconds: number }): Promise<void> {
  const boss = await producerFor(db);
  await boss.updateQueue(REASSESS_QUEUE, { name: REASSESS_QUEUE, ...REASSESS_QUEUE_OPTIONS, ...options });
}

/**
 * The re-assessment queue of one database. Obtain it before opening a transaction that enqueues:
 * starting it may install pg-boss's schema, which on PGlite cannot run while a transaction holds
 * the single connection.
 */
export interface ReassessQueue {
  /** Re-assess these athletes as soon as a worker is free (deduplicated per athlete). */
  enqueue(organisationId: string, athleteIds: string[], options?: { via?: Transaction; priorities?: number[] }): Promise<void>;
  /** Re-assess these athletes at their snapshot's `staleAfter` (one scheduled run per athlete). */
  scheduleDue(via: Transaction, organisationId: string, snapshots: { athleteId: string; staleAfter: Date }[]): Promise<void>;
  /** Whether a re-assessment of this athlete is waiting or running (its snapshot is behind). */
  isQueued(organisationId: string, athleteId: string): Promise<boolean>;
}

/**
 * The queue as seen from `db`: a database, or a transaction (a tenant procedure's), whose jobs
 * are then written through it and commit or roll back with its writes.
 */
export async function reassessQueue(db: Database | Transaction): Promise<ReassessQueue> {
  const boss = await producerFor(db);
  return {
    async enqueue(organisationId, athleteIds, options = {}) {
      if (athleteIds.length === 0) return;
      const jobs = athleteIds.map(
        (athleteId, i): PgBoss.JobInsert<ReassessJobData> => ({
          name: REASSESS_QUEUE,
          data: { organisationId, athleteId },
          singletonKey: keyOf(organisationId, athleteId),
          ...(options.priorities?.[i] !== undefined ? { priority: options.priorities[i] } : {}),
        }),
      );
      await boss.insert(jobs, { db: options.via ? jobSqlOver(options.via) : jobSqlWithin(db) });
    },
    async isQueued(organisationId, athleteId) {
      const key = keyOf(organisationId, athleteId);
      return (await keysWithOpenJobs(db, REASSESS_QUEUE, [key])).has(key);
    },
    async scheduleDue(via, organisationId, snapshots) {
      if (snapshots.length === 0) return;
      const jobs = snapshots.map(
        (s): PgBoss.JobInsert<ReassessJobData> => ({
          name: REASSESS_QUEUE,
          data: { organisationId, athleteId: s.athleteId, due: true },
          singletonKey: dueKeyOf(organisationId, s.athleteId),
          startAfter: s.staleAfter,
        }),
      );
      // A run already scheduled for an older snapshot keeps its row (the insert skips it): the
      // update moves it to the new time. Sent together: in either order the outcome is the same
      // (a row the update did not find yet is inserted with the new time).
      await Promise.all([
        boss.insert(jobs, { db: jobSqlOver(via) }),
        rescheduleJobs(
          via,
          REASSESS_QUEUE,
          snapshots.map((s) => ({ singletonKey: dueKeyOf(organisationId, s.athleteId), startAfter: s.staleAfter })),
        ),
      ]);
    },
  };
}
