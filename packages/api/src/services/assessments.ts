import superjson from "superjson";
import { ENGINE_VERSION, assessAthlete, athleteTimelineSchema, effectiveTimeZone, raisesAlert, type Assessment } from "@loadline/domain";
import {
  alertFromFlag,
  invalidateSnapshots,
  loadTimelines,
  readAthleteTimeZones,
  readClubCalendar,
  readSnapshots,
  saveAssessments,
  type Database,
  type NewAlert,
  type SnapshotRow,
} from "@loadline/db";

/**
 * Assessments are computed on write and stored as snapshots, so reading a squad board costs
 * one query instead of re-running a year of history per athlete. Time alone also changes an
 * assessment (R7 dates pass, rolling windows move, a pending next-morning outcome settles),
 * so a snapshot goes stale after at most an hour, or at its next R7 date if sooner, or when
 * the engine's version changes, and is recomputed on the next read.
 *
 * Why both: computing only on read would replay up to 400 days of records for every athlete on
 * every board view; computing only on write would show yesterday's R7 date and windows until
 * the athlete logs again. Writes (logs, check-ins, plans, tests, adjuncts, reviews, gait, and a
 * squad's planned sessions, which feed R16 for every member) call `afterClinicalWrite` so the
 * writer sees the new flags at once; reads recompute whatever went stale in one batch through
 * `loadTimelines` (a fixed number of queries), so the board stays O(1) in queries per squad.
 * A snapshot written by another engine version (`ENGINE_VERSION`) is stale too, so a rule change
 * reaches every athlete on the next read.
 *
 * Each athlete is assessed in their own time zone when they have one, else the club's; the
 * club's locale writes the dates in the sentences.
 */
const MAX_SNAPSHOT_AGE_MS = 60 * 60 * 1000;

function staleAfter(assessment: Assessment, now: Date): Date {
  let limit = now.getTime() + MAX_SNAPSHOT_AGE_MS;
  const next = assessment.nextHighLoadAt?.getTime();
  if (next !== undefined && next > now.getTime()) limit = Math.min(limit, next);
  return new Date(limit);
}

/** Flags staff act on (the domain decides: amber, red, escalate, but not the information-only R13) become alerts. */
function alertsOf(athleteId: string, assessment: Assessment): NewAlert[] {
  return assessment.flags.filter(raisesAlert).map((f) => alertFromFlag(athleteId, f));
}

function isFresh(snapshot: SnapshotRow, now: Date): boolean {
  return snapshot.engineVersion === ENGINE_VERSION && snapshot.staleAfter.getTime() > now.getTime() && snapshot.computedAt.getTime() <= now.getTime();
}

/**
 * Re-assess these athletes from their stored records, then store the snapshots and their new
 * alerts together (one transaction, chunked). A fixed number of queries whatever the number of
 * athletes. An athlete whose stored records cannot be read is left out of the result (callers
 * show "record needs attention") and logged; it never fails the other athletes of the batch.
 */
export async function refreshAssessments(
  db: Database,
  organisationId: string,
  athleteIds: string[],
  now: Date,
): Promise<Map<string, Assessment>> {
  const timelines = await loadTimelines(db, organisationId, athleteIds, now);
  const club = await readClubCalendar(db, organisationId);
  const athleteZones = await readAthleteTimeZones(db, organisationId, [...timelines.keys()]);
  const assessments = new Map<string, Assessment>();
  const snapshots: SnapshotRow[] = [];
  const newAlerts: NewAlert[] = [];
  for (const [athleteId, input] of timelines) {
    let assessment: Assessment;
    try {
      // Stored records were validated on write; this applies defaults and types.
      const calendar = { timeZone: effectiveTimeZone(club.timeZone, athleteZones.get(athleteId)), locale: club.locale };
      assessment = assessAthlete(athleteTimelineSchema.parse(input), now, { calendar });
    } catch (error) {
      console.error(`assessment of athlete ${athleteId} failed: its stored records need attention`, error);
      continue;
    }
    assessments.set(athleteId, assessment);
    snapshots.push({
      athleteId,
      computedAt: now,
      staleAfter: staleAfter(assessment, now),
      engineVersion: ENGINE_VERSION,
      assessment: superjson.serialize(assessment),
    });
    newAlerts.push(...alertsOf(athleteId, assessment));
  }
  await saveAssessments(db, organisationId, snapshots, newAlerts);
  return assessments;
}

/**
 * Refreshes under way in this process, per athlete. Many coaches opening the same stale board
 * at once share one recompute instead of each replaying the same athletes' history.
 */
const inFlight = new Map<string, Promise<Map<string, Assessment>>>();

async function refreshOnce(db: Database, organisationId: string, athleteIds: string[], now: Date): Promise<Map<string, Assessment>> {
  const key = (athleteId: string) => `${organisationId}:${athleteId}`;
  const waiting = new Set<Promise<Map<string, Assessment>>>();
  const mine: string[] = [];
  for (const athleteId of athleteIds) {
    const running = inFlight.get(key(athleteId));
    if (running) waiting.add(running);
    else mine.push(athleteId);
  }
  if (mine.length > 0) {
    const batch = refreshAssessments(db, organisationId, mine, now);
    for (const athleteId of mine) inFlight.set(key(athleteId), batch);
    const forget = () => {
      for (const athleteId of mine) if (inFlight.get(key(athleteId)) === batch) inFlight.delete(key(athleteId));
    };
    batch.then(forget, forget);
    waiting.add(batch);
  }
  const result = new Map<string, Assessment>();
  for (const done of await Promise.all(waiting)) {
    for (const athleteId of athleteIds) {
      const assessment = done.get(athleteId);
      if (assessment) result.set(athleteId, assessment);
    }
  }
  return result;
}

/**
 * Current assessments of these athletes: fresh snapshots as stored, stale or missing ones
 * recomputed together in one batch (shared with concurrent readers of the same athletes).
 */
export async function getAssessments(
  db: Database,
  organisationId: string,
  athleteIds: string[],
  now: Date,
): Promise<Map<string, Assessment>> {
  const result = new Map<string, Assessment>();
  const stale: string[] = [];
  const snapshots = new Map((await readSnapshots(db, organisationId, athleteIds)).map((s) => [s.athleteId, s]));
  for (const athleteId of athleteIds) {
    const snapshot = snapshots.get(athleteId);
    if (snapshot && isFresh(snapshot, now)) {
      result.set(athleteId, superjson.deserialize(snapshot.assessment as Parameters<typeof superjson.deserialize>[0]));
    } else {
      stale.push(athleteId);
    }
  }
  if (stale.length > 0) {
    for (const [athleteId, assessment] of await refreshOnce(db, organisationId, stale, now)) result.set(athleteId, assessment);
  }
  return result;
}

/** The assessment of one athlete (see `getAssessments`). */
export async function getAssessment(db: Database, organisationId: string, athleteId: string, now: Date): Promise<Assessment | null> {
  return (await getAssessments(db, organisationId, [athleteId], now)).get(athleteId) ?? null;
}

/** After a write that changes what the engine reads: recompute now, so new alerts appear at once. */
export async function afterClinicalWrite(
  db: Database,
  organisationId: string,
  athleteIds: string[],
  now: Date,
): Promise<Map<string, Assessment>> {
  await invalidateSnapshots(db, organisationId, athleteIds);
  return refreshAssessments(db, organisationId, athleteIds, now);
}
