import { createHash, randomBytes } from "node:crypto";
import { createEvents, type EventAttributes } from "ics";
import {
  preflightCheck,
  toCoachPreflight,
  visaHDueForAssessment,
  DomainError,
  type Actor,
  type PreflightResult,
} from "@loadline/domain";
import {
  countOwnSquads,
  findCalendarSubscriptionByTokenHash,
  getAthlete,
  insertCalendarSubscription,
  listBoardAthletes,
  listCalendarSubscriptions,
  listSquadSessions,
  listSquads,
  listVisaHResponses,
  revokeCalendarSubscription,
  withOrganisation,
  type Database,
} from "@loadline/db";
import { fieldError } from "../errors";
import { startReassessQueue } from "../jobs/reassess-queue";
import { getAssessment, getAssessments } from "./assessments";
import { recordAudit } from "./audit";
import { assertCan } from "../trpc";

const DAY_MS = 86_400_000;
/** How far a feed reaches: two weeks back (what just happened) and eight weeks ahead. */
const FEED_PAST_DAYS = 14;
const FEED_FUTURE_DAYS = 56;
/** A session without a duration shows as one hour. */
const DEFAULT_MINUTES = 60;

export const feedPath = (token: string) => `/api/calendar/${token}.ics`;

const hashFeedToken = (token: string) => createHash("sha256").update(token).digest("hex");

const verdictWords: Record<PreflightResult["verdict"], string> = { ok: "Go", modify: "Modify", skip: "Skip" };
const kindWords = (kind: string) => kind.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());

/** The caller's live calendar subscriptions (their URLs were shown once, at creation). */
export async function listSubscriptions(db: Database, actor: Actor) {
  assertCan(actor, "calendar.subscribe", { organisationId: actor.organisationId });
  return listCalendarSubscriptions(db, actor.organisationId, actor.userId);
}

/**
 * A new private feed URL: an athlete's own days, or a squad for a coach. Only the token's
 * SHA-256 is stored; the URL is in this answer and nowhere else.
 */
export async function subscribe(db: Database, actor: Actor, now: Date, input: { squadId?: string | undefined }) {
  const { organisationId } = actor;
  assertCan(actor, "calendar.subscribe", { organisationId });
  const token = randomBytes(32).toString("base64url");
  if (actor.role === "athlete") {
    if (!actor.athleteId) throw new DomainError("forbidden", "This account has no athlete profile.");
    if (input.squadId) throw fieldError("squadId", "Your calendar holds your own days: leave the squad out");
    const row = await insertCalendarSubscription(db, organisationId, { userId: actor.userId, kind: "athlete", athleteId: actor.athleteId, squadId: null, tokenHash: hashFeedToken(token), createdAt: now });
    return { id: row.id, path: feedPath(token) };
  }
  if (!input.squadId) throw fieldError("squadId", "Choose a squad");
  if ((await countOwnSquads(db, organisationId, [input.squadId])) !== 1) throw fieldError("squadId", "Choose a squad of your club");
  const row = await insertCalendarSubscription(db, organisationId, { userId: actor.userId, kind: "squad", athleteId: null, squadId: input.squadId, tokenHash: hashFeedToken(token), createdAt: now });
  // A squad feed is a long-lived bearer link to the squad's pre-flight verdicts.
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "calendar_subscription", entityId: row.id, detail: "Squad feed created" }]);
  return { id: row.id, path: feedPath(token) };
}

export async function revoke(db: Database, actor: Actor, now: Date, id: string) {
  assertCan(actor, "calendar.subscribe", { organisationId: actor.organisationId });
  if (!(await revokeCalendarSubscription(db, actor.organisationId, actor.userId, id, now))) {
    throw new DomainError("not_found", "No such calendar subscription of yours.");
  }
  await recordAudit(db, actor, now, [{ athleteId: null, action: "write", entity: "calendar_subscription", entityId: id, detail: "Feed revoked" }]);
  return { id };
}

function event(attributes: { uid: string; start: Date; minutes: number; title: string; description: string }): EventAttributes {
  return {
    uid: attributes.uid,
    start: attributes.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: attributes.minutes },
    title: attributes.title,
    description: attributes.description,
    productId: "loadline/calendar",
  };
}

/** An all-day event on the local day of `at` (VISA-H due dates). */
function allDay(uid: string, day: string, title: string, description: string): EventAttributes {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return { uid, start: [y, m, d], end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()], title, description, productId: "loadline/calendar" };
}

function render(calName: string, events: EventAttributes[]): string {
  const { error, value } = createEvents(events, { calName, productId: "loadline/calendar" });
  if (error || typeof value !== "string") throw error ?? new Error("calendar feed could not be written");
  return value;
}

/** The preflight sentence for the feed: the coach-safe verdict (no red-flag detail), with what to change. */
function verdictLine(result: PreflightResult): string {
  const reasons = result.reasons.map((r) => `${r.message} ${r.change}`.trim());
  return [`Pre-flight: ${verdictWords[result.verdict]}`, ...reasons].join("\n");
}

async function athleteFeed(db: Database, organisationId: string, athleteId: string, now: Date): Promise<string | null> {
  const athlete = await getAthlete(db, organisationId, athleteId);
  if (!athlete || athlete.archived) return null;
  const from = new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS);
  const to = new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS);
  const [assessment, sessions, visaH] = await Promise.all([
    getAssessment(db, organisationId, athlete.id, now),
    listSquadSessions(db, organisationId, athlete.squads.map((s) => s.id), from, to),
    listVisaHResponses(db, organisationId, athlete.id),
  ]);
  const events: EventAttributes[] = sessions.map((s) => {
    const verdict = assessment && s.at.getTime() >= now.getTime() ? verdictLine(toCoachPreflight(preflightCheck(assessment, { kind: s.kind, at: s.at }))) : null;
    return event({
      uid: `session-${s.id}-athlete-${athlete.id}@loadline`,
      start: s.at,
      minutes: s.durationMinutes ?? DEFAULT_MINUTES,
      title: `${s.title || kindWords(s.kind)} (${s.squadName})`,
      description: [verdict ?? (s.at.getTime() < now.getTime() ? "Past session." : "Pre-flight: not assessed yet."), s.notes].filter(Boolean).join("\n\n"),
    });
  });
  if (assessment?.nextHighLoadAt && assessment.nextHighLoadAt.getTime() > now.getTime()) {
    events.push(
      event({
        uid: `next-high-load-${athlete.id}@loadline`,
        start: assessment.nextHighLoadAt,
        minutes: 30,
        title: "High-load session allowed from now",
        description: "The earliest start of the next high-tendon-load session (hills, speed, heavy strength).",
      }),
    );
  }
  if (assessment?.inRehab) {
    const due = visaHDueForAssessment(visaH.at(-1)?.at ?? null, assessment);
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: assessment.calendar.timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
      due.due ? now : due.dueAt,
    );
    events.push(allDay(`visa-h-due-${athlete.id}@loadline`, day, "VISA-H questionnaire due", "Complete the VISA-H questionnaire in Loadline."));
  }
  return render(`Loadline: ${athlete.name}`, events);
}

async function squadFeed(db: Database, organisationId: string, squadId: string, now: Date): Promise<string | null> {
  const squad = (await listSquads(db, organisationId)).find((s) => s.id === squadId);
  if (!squad) return null;
  const from = new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS);
  const to = new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS);
  const [sessions, athletes] = await Promise.all([listSquadSessions(db, organisationId, [squadId], from, to), listBoardAthletes(db, organisationId, [squadId])]);
  const assessments = await getAssessments(db, organisationId, athletes.map((a) => a.id), now);
  const events = sessions.map((s) => {
    // Counts only: names and reasons stay in the planner, behind sign-in, not in a calendar app.
    const counts = { ok: 0, modify: 0, skip: 0 };
    if (s.at.getTime() >= now.getTime()) {
      for (const a of athletes) {
        const assessment = assessments.get(a.id);
        if (assessment) counts[preflightCheck(assessment, { kind: s.kind, at: s.at }).verdict] += 1;
      }
    }
    const summary =
      s.at.getTime() < now.getTime()
        ? "Past session."
        : `Pre-flight for ${athletes.length} athletes: ${counts.ok} go, ${counts.modify} modify, ${counts.skip} skip. Open the planner in Loadline for who and why.`;
    return event({
      uid: `session-${s.id}@loadline`,
      start: s.at,
      minutes: s.durationMinutes ?? DEFAULT_MINUTES,
      title: `${s.title || kindWords(s.kind)} (${s.squadName})`,
      description: [summary, s.notes].filter(Boolean).join("\n\n"),
    });
  });
  return render(`Loadline: ${squad.name}`, events);
}

/**
 * The feed a subscription URL's token stands for, or null (unknown, revoked, or its user is
 * gone). The lookup by token hash crosses organisations, as invite links do; the feed itself is
 * read under row-level security for the subscription's organisation.
 */
export async function calendarFeedForToken(db: Database, token: string, now: Date): Promise<string | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const subscription = await findCalendarSubscriptionByTokenHash(db, hashFeedToken(token));
  if (!subscription) return null;
  await startReassessQueue(db);
  return withOrganisation(db, subscription.organisationId, (tx) =>
    subscription.kind === "athlete" && subscription.athleteId
      ? athleteFeed(tx, subscription.organisationId, subscription.athleteId, now)
      : subscription.squadId
        ? squadFeed(tx, subscription.organisationId, subscription.squadId, now)
        : Promise.resolve(null),
  );
}
