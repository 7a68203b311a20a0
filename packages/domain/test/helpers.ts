import {
  athleteTimelineSchema,
  type AthleteTimeline,
  type AthleteTimelineInput,
  type LoggedSession,
  type MorningCheckIn,
  loggedSessionSchema,
  morningCheckInSchema,
} from "../src/clinical";

/** Evaluation time used across the suite: Monday 3 March 2025, 20:00 UTC. */
export const NOW = new Date("2025-03-03T20:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A time `days` days (and `hours` hours) before NOW. */
export function ago(days: number, hours = 0): Date {
  return new Date(NOW.getTime() - days * DAY - hours * HOUR);
}
/** A time `days` days after NOW. */
export function ahead(days: number, hours = 0): Date {
  return new Date(NOW.getTime() + days * DAY + hours * HOUR);
}

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${String(++counter).padStart(5, "0")}`;

type SessionInput = Partial<Record<string, unknown>> & { at: Date };

/** A run log with sensible easy defaults. */
export function run(fields: SessionInput): LoggedSession {
  return loggedSessionSchema.parse({ id: nextId("run"), type: "run", painDuring: 0, painAfter: 0, rpe: 3, minutes: 30, distanceKm: 5, surface: "road", ...fields });
}

/** A strength session log. */
export function strength(fields: SessionInput): LoggedSession {
  return loggedSessionSchema.parse({ id: nextId("gym"), type: "strength", painDuring: 0, painAfter: 0, rpe: 5, minutes: 45, ...fields });
}

/** A cross-training session log. */
export function cross(fields: SessionInput): LoggedSession {
  return loggedSessionSchema.parse({ id: nextId("xt"), type: "cross_training", painDuring: 0, painAfter: 0, rpe: 3, minutes: 40, ...fields });
}

/** A morning check-in at 07:00 UTC `days` days before NOW's day. */
export function checkIn(days: number, fields: Partial<Record<string, unknown>> = {}): MorningCheckIn {
  return morningCheckInSchema.parse({ id: nextId("ci"), at: ago(days, 13), morningPain: 1, ...fields });
}

/** A timeline with defaults: phase 3 started 30 days ago. */
/**
 * Test input: any timeline field, loosely typed because the schema parses (and so validates)
 * it; `phase` and partial `plan` fields are merged onto a default plan; `plan: null` means no
 * plan (a healthy athlete, not in rehab).
 */
export type TimelineOverrides = { [K in Exclude<keyof AthleteTimelineInput, "plan">]?: unknown } & {
  phase?: 1 | 2 | 3 | 4;
  plan?: Record<string, unknown> | null;
};

export function timeline(overrides: TimelineOverrides = {}): AthleteTimeline {
  const { phase = 3, plan = {}, ...rest } = overrides;
  return athleteTimelineSchema.parse({
    athlete: { id: "ath-1", squadIds: ["sq-1"] },
    plan: plan === null ? null : {
      id: "plan-1",
      athleteId: "ath-1",
      version: 1,
      authorId: "physio-1",
      createdAt: ago(30),
      phase,
      phaseStartedAt: ago(30),
      ...plan,
    },
    ...rest,
  });
}

/** Rule ids of the flags, in order. */
export function ruleIdsOf(flags: readonly { ruleId: string }[]): string[] {
  return flags.map((f) => f.ruleId);
}
