import superjson from "superjson";
import {
  assessAthlete,
  DomainError,
  effectiveTimeZone,
  ENGINE_VERSION,
  startOfNextLocalDay,
  toBoardView,
  toCoachAssessment,
  type Assessment,
  type AthleteTimeline,
} from "@loadline/domain";
import {
  alertsFromAssessment,
  bumpRecordsVersions,
  isTransaction,
  loadTimelines,
  type LoadTimelinesOptions,
  type ClubCalendarRow,
  type LoadedTimeline,
  readClubCalendar,
  readRecordsVersions,
  readSnapshots,
  saveAssessments,
  type Database,
  type NewAlert,
  type SnapshotRow,
  type Transaction,
} from "@loadline/db";
import { reassessQueue } from "../jobs/reassess-queue";
import { serializeSnapshot } from "./snapshot-json";

/**
 * Assessments are stored as snapshots, so reading a squad board costs one query instead of
 * re-running a year of history per athlete. They are kept current off the request path by the
 * `reassess-athlete` job queue (see ../jobs): a write that changes what the engine reads enqueues
 * its athletes; a saved snapshot schedules its own next run at `staleAfter` (at most an hour, or
 * the next R7 time), because time alone changes an assessment (R7 dates pass, rolling windows
 * move, a pending next-morning outcome settles); a worker starting with a new engine version
 * re-queues every snapshot of an older one.
 *
 * Readers never compute: they return what is stored, with its age, and enqueue (deduplicated)
 * whatever is stale or missing. Only two paths compute inline, on one athlete: the athlete's own
 * submit, whose outcome card shows the engine's verdict at once, and decisions that must not
 * rest on an outdated snapshot (a phase change's exit criteria).
 *
 * Each athlete is assessed in their own time zone when they have one, else the club's; the
 * club's locale writes the dates in the sentences.
 */
const MAX_SNAPSHOT_AGE_MS = 60 * 60 * 1000;

function staleAfter(assessment: Assessment, now: Date): Date {
  let limit = now.getTime() + MAX_SNAPSHOT_AGE_MS;
  const next = assessment.nextHighLoadAt?.getTime();
  if (next !== undefined && next > now.getTime()) limit = Math.min(limit, next);
  // Compliance counts whole local days: a new day moves its periods.
  limit = Math.min(limit, startOfNextLocalDay(now.getTime(), assessment.calendar.timeZone));
  return new Date(limit);
}

/**
 * Flags staff act on (the domain decides: amber, red, escalate, but not the information-only R13)
 * as alert rows, one per condition; a new one is raised now, not at its cause's time.
 */
function alertsOf(athleteId: string, assessment: Assessment, now: Date): NewAlert[] {
  return alertsFromAssessment(athleteId, assessment.flags, now);
}

/** Whether a stored snapshot (times in epoch ms) is current at `now`: this engine version and not past its `staleAfter`. */
export function snapshotIsFresh(snapshot: { engineVersion: string; staleAfter: number; computedAt: number }, now: Date): boolean {
  return snapshot.engineVersion === ENGINE_VERSION && snapshot.staleAfter > now.getTime() && snapshot.computedAt <= now.getTime();
}

interface Computed {
  assessments: Map<string, Assessment>;
  snapshots: SnapshotRow[];
  /** Every alert the assessments ask for (current conditions), not only new ones. */
  raised: NewAlert[];
}

/** What the engine needs for these athletes: their timelines, the club's calendar and their own time zones. */
export interface AssessmentInputs {
  timelines: Map<string, LoadedTimeline>;
  club: ClubCalendarRow;
  athleteZones: Map<string, string | null>;
  /** Each athlete's records version, read (or bumped, for an inline write) before the records: stored with the snapshot. */
  recordsVersions: Map<string, number>;
}

export interface AssessmentInputOptions extends LoadTimelinesOptions {
  /**
   * The one athlete whose own write, in this transaction, is assessed inline from this load:
   * their records version is bumped before the records are read, so no batch that read them
   * before this write commits can replace its snapshot (`writeSnapshots`).
   */
  inlineWriteOf?: string;
}

/**
 * Load the engine's input for these athletes (a fixed number of queries whatever their number,
 * sent together: on PostgreSQL they share round trips). Their own time zones come with their
 * profiles. Their records versions are read first: in a transaction its statements run in the
 * order they were sent, so the loads go right behind without waiting; on a pool they could run
 * on another connection before it, so they wait for it.
 */
export async function loadAssessmentInputs(
  db: Database,
  organisationId: string,
  athleteIds: string[],
  now: Date,
  options: AssessmentInputOptions = {},
): Promise<AssessmentInputs> {
  const { inlineWriteOf, ...loadOptions } = options;
  const versions = recordsVersionsBeforeLoad(db, organisationId, athleteIds, inlineWriteOf);
  if (!isTransaction(db)) await versions;
  const [recordsVersions, timelines, club] = await Promise.all([
    versions,
    loadTimelines(db, organisationId, athleteIds, now, loadOptions),
    readClubCalendar(db, organisationId),
  ]);
  const athleteZones = new Map([...timelines].map(([id, loaded]) => [id, loaded.timeZone]));
  return { timelines, club, athleteZones, recordsVersions };
}

async function recordsVersionsBeforeLoad(db: Database, organisationId: string, athleteIds: string[], inlineWriteOf: string | undefined): Promise<Map<string, number>> {
  if (inlineWriteOf === undefined) return readRecordsVersions(db, organisationId, athleteIds);
  if (!isTransaction(db) || athleteIds.length !== 1 || athleteIds[0] !== inlineWriteOf) {
    throw new Error("An inline write bumps its one athlete's records version inside its own transaction");
  }
  return bumpRecordsVersions(db, organisationId, [inlineWriteOf]);
}

/**
 * The engine on one athlete's timeline with the club's calendar and thresholds; null (logged)
 * when it fails, so the athlete's records are "needs attention" and the batch goes on.
 */
export function assessTimeline(inputs: AssessmentInputs, timeline: AthleteTimeline, now: Date): Assessment | null {
  const athleteId = timeline.athlete.id;
  try {
    // Typed by the row mappers: records were validated when they were written.
    const { club } = inputs;
    const calendar = { timeZone: effectiveTimeZone(club.timeZone, inputs.athleteZones.get(athleteId)), locale: club.locale, weekStartsOn: club.weekStartsOn };
    return assessAthlete(timeline, now, { calendar, clubThresholds: club.engineThresholds });
  } catch (error) {
    console.error(`assessment of athlete ${athleteId} failed: its stored records need attention`, error);
    return null;
  }
}

/**
 * The snapshot row of an assessment: the assessment itself and, computed here once, the board's
 * row of it (coach-safe, plain JSON), so the board never revives the full assessment. Null
 * assessment: the athlete's records need attention.
 */
export function snapshotOf(athleteId: string, assessment: Assessment | null, now: Date, recordsVersion: number): SnapshotRow {
  return {
    athleteId,
    computedAt: now,
    recordsVersion,
    staleAfter: assessment ? staleAfter(assessment, now) : new Date(now.getTime() + MAX_SNAPSHOT_AGE_MS),
    engineVersion: ENGINE_VERSION,
    assessment: assessment ? serializeSnapshot(assessment) : null,
    board: assessment ? toBoardView(toCoachAssessment(assessment)) : null,
  };
}

/** Each athlete's assessment of the loaded inputs, their snapshot rows and the alerts they raise. */
function computeFrom(inputs: AssessmentInputs, now: Date): Computed {
  const computed: Computed = { assessments: new Map(), snapshots: [], raised: [] };
  for (const [athleteId, loaded] of inputs.timelines) {
    if (!loaded.ok) console.error(`athlete ${athleteId}: stored records need attention (${loaded.problem})`);
    const assessment = loaded.ok ? assessTimeline(inputs, loaded.timeline, now) : null;
    computed.snapshots.push(snapshotOf(athleteId, assessment, now, inputs.recordsVersions.get(athleteId) ?? 0));
    if (!assessment) continue;
    computed.assessments.set(athleteId, assessment);
    computed.raised.push(...alertsOf(athleteId, assessment, now));
  }
  return computed;
}

/**
 * Assess these athletes from their stored records (a fixed number of queries whatever their
 * number). An athlete whose records cannot be read gets a snapshot without an assessment
 * ("record needs attention"), logged; it never fails the other athletes of the batch.
 */
export async function computeAssessments(db: Database, organisationId: string, athleteIds: string[], now: Date, options: AssessmentInputOptions = {}): Promise<Computed> {
  return computeFrom(await loadAssessmentInputs(db, organisationId, athleteIds, now, options), now);
}

/**
 * Store one athlete's assessment computed inline (the athlete's own submit) from `inputs` (loaded
 * with `inlineWriteOf`): the snapshot, its alerts and its next scheduled run, through `db` (the
 * procedure's transaction).
 */
export async function storeAssessment(
  db: Database | Transaction,
  organisationId: string,
  athleteId: string,
  assessment: Assessment,
  inputs: AssessmentInputs,
  now: Date,
): Promise<void> {
  const queue = await reassessQueue(db);
  const snapshots = [snapshotOf(athleteId, assessment, now, inputs.recordsVersions.get(athleteId) ?? 0)];
  await saveAssessments(db, organisationId, snapshots, alertsOf(athleteId, assessment, now), (tx) => queue.scheduleDue(tx, organisationId, snapshots));
}

/**
 * Re-assess these athletes and store the snapshots, their alerts (raised, kept current, or
 * retired when no longer raised) and each snapshot's next scheduled run together (one
 * transaction, chunked). Idempotent: running it twice for the same records stores the same
 * snapshot and no second alert (one current alert per condition), which is what lets the queue
 * deliver a job twice. Athletes whose records need attention are absent from the result.
 */
export async function refreshAssessments(
  db: Database,
  organisationId: string,
  athleteIds: string[],
  now: Date,
  options: AssessmentInputOptions = {},
): Promise<Map<string, Assessment>> {
  if (athleteIds.length === 0) return new Map();
  const computed = await computeAssessments(db, organisationId, athleteIds, now, options);
  await storeComputed(db, organisationId, computed);
  return computed.assessments;
}

/** Save what `computeAssessments` computed: snapshots, alerts and next runs, in one transaction. */
export async function storeComputed(db: Database, organisationId: string, { snapshots, raised }: Computed): Promise<void> {
  const queue = await reassessQueue(db);
  await saveAssessments(db, organisationId, snapshots, raised, (tx) => queue.scheduleDue(tx, organisationId, snapshots));
}

/** What a reader gets for one athlete: never computed on the read. */
export type AssessmentState = "assessed" | "being_assessed" | "needs_attention";

export interface StoredAssessment {
  state: AssessmentState;
  /** The stored assessment; null while being assessed or when the records need attention. */
  assessment: Assessment | null;
  /** When the stored snapshot was computed (its age on the board); null before the first. */
  computedAt: Date | null;
  /** True when a re-assessment was queued because the snapshot is stale or missing. */
  stale: boolean;
}

/**
 * Stored assessments of these athletes, stale or not, with their age. Stale or missing ones are
 * queued for re-assessment (deduplicated per athlete, one INSERT); an athlete without a snapshot
 * yet is "being assessed". One query, plus that INSERT when something is stale.
 */
export async function readAssessments(
  db: Database,
  organisationId: string,
  athleteIds: string[],
  now: Date,
): Promise<Map<string, StoredAssessment>> {
  const result = new Map<string, StoredAssessment>();
  if (athleteIds.length === 0) return result;
  const snapshots = new Map((await readSnapshots(db, organisationId, athleteIds)).map((s) => [s.athleteId, s]));
  for (const athleteId of athleteIds) result.set(athleteId, storedAssessmentOf(snapshots.get(athleteId), now));
  await queueStale(db, organisationId, result);
  return result;
}

/** What a reader shows for one athlete's stored snapshot (or its absence) at `now`. */
export function storedAssessmentOf(snapshot: SnapshotRow | undefined | null, now: Date): StoredAssessment {
  if (!snapshot) return { state: "being_assessed", assessment: null, computedAt: null, stale: true };
  const stale = !snapshotIsFresh({ engineVersion: snapshot.engineVersion, staleAfter: snapshot.staleAfter.getTime(), computedAt: snapshot.computedAt.getTime() }, now);
  if (snapshot.assessment === null) return { state: "needs_attention", assessment: null, computedAt: snapshot.computedAt, stale };
  const assessment: Assessment = superjson.deserialize(snapshot.assessment as Parameters<typeof superjson.deserialize>[0]);
  return { state: "assessed", assessment, computedAt: snapshot.computedAt, stale };
}

/** Queue the stale or missing ones of these stored assessments (deduplicated per athlete): one INSERT, none when all are fresh. */
export async function queueStale(db: Database, organisationId: string, stored: Map<string, { stale: boolean }>): Promise<void> {
  const stale = [...stored].filter(([, s]) => s.stale).map(([id]) => id);
  if (stale.length > 0) await (await reassessQueue(db)).enqueue(organisationId, stale);
}

/** The stored assessments of these athletes that have one (see `readAssessments`). */
export async function getAssessments(
  db: Database,
  organisationId: string,
  athleteIds: string[],
  now: Date,
): Promise<Map<string, Assessment>> {
  const result = new Map<string, Assessment>();
  for (const [athleteId, stored] of await readAssessments(db, organisationId, athleteIds, now)) {
    if (stored.assessment) result.set(athleteId, stored.assessment);
  }
  return result;
}

/**
 * The assessment of one athlete, for that athlete's own pages (Today, progress, the coach's
 * overview, the physio's plan). The stored one, unless it is missing or a re-assessment of the
 * athlete is still queued (a write the snapshot does not include yet): then this one athlete is
 * re-assessed inline, so the physio who just recorded an injection sees its block on the page
 * they return to. One athlete, never a batch; lists use `readAssessments`. Null when the
 * records need attention.
 */
export async function getAssessment(db: Database, organisationId: string, athleteId: string, now: Date): Promise<Assessment | null> {
  const stored = (await readAssessments(db, organisationId, [athleteId], now)).get(athleteId);
  const behind = stored?.state === "being_assessed" || (await (await reassessQueue(db)).isQueued(organisationId, athleteId));
  if (behind) return (await refreshAssessments(db, organisationId, [athleteId], now)).get(athleteId) ?? null;
  return stored?.assessment ?? null;
}

/**
 * The athlete's assessment computed now from the stored records, not stored: for a decision
 * that must see every record written so far (a queued re-assessment may not have run yet).
 */
export async function assessNow(db: Database, organisationId: string, athleteId: string, now: Date): Promise<Assessment | null> {
  return (await computeAssessments(db, organisationId, [athleteId], now)).assessments.get(athleteId) ?? null;
}

/**
 * After a write that changes what the engine reads. The athlete named in `feedbackFor` (the
 * writer, whose screen shows the engine's verdict at once) is re-assessed inline and returned;
 * every other athlete is queued. Jobs go through `db` itself: in a tenant procedure that is the
 * procedure's transaction (row-level security, `inOrganisationScope`), so they commit or roll
 * back with its writes (the outbox), and the inline re-assessment is part of it too. A write
 * that runs in a transaction of its own inside a database handle passes it as `via` instead;
 * only queued athletes then. An inline re-assessment that fails is queued instead, so the write
 * is never left unassessed.
 */
export async function afterClinicalWrite(
  db: Database,
  organisationId: string,
  athleteIds: string[],
  now: Date,
  options: { feedbackFor?: string; via?: Transaction } = {},
): Promise<Map<string, Assessment>> {
  const inline = options.feedbackFor !== undefined && athleteIds.includes(options.feedbackFor) ? [options.feedbackFor] : [];
  if (inline.length > 0 && options.via) throw new DomainError("invalid", "An inline re-assessment cannot run inside the write's transaction");
  const queued = athleteIds.filter((id) => !inline.includes(id));
  const queue = await reassessQueue(db);
  // The queued athletes' versions move with the write, before their job can be seen: a batch or
  // an athlete's own submit that read the records before this write committed then has an older
  // version than the job this write queues, and can never keep the last word over it.
  await bumpRecordsVersions(options.via ?? db, organisationId, queued);
  await queue.enqueue(organisationId, queued, options.via ? { via: options.via } : {});
  if (inline.length === 0) return new Map();
  try {
    return await refreshAssessments(db, organisationId, inline, now, { inlineWriteOf: options.feedbackFor });
  } catch (error) {
    await queue.enqueue(organisationId, inline).catch(() => undefined);
    throw error;
  }
}
