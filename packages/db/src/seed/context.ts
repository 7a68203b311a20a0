import type { Transaction } from "../client";

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The transaction the demo seed runs in. */
export type SeedTx = Transaction;

/** What every feature's seed needs to know about the demo club. */
export interface SeedContext {
  /** The seed day: every date is relative to it. */
  now: Date;
  organisationId: string;
  coachId: string;
  physioId: string;
  squadIds: { distance: string; field: string };
  /** The athlete profile id of a demo athlete, by email (see demo-people.ts). */
  athleteId: (email: string) => string;
}

/** A time `days` (fractions allowed) before the seed day. */
export function daysAgo(context: Pick<SeedContext, "now">, days: number): Date {
  return new Date(context.now.getTime() - days * DAY_MS);
}
