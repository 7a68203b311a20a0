import { and, eq, inArray } from "drizzle-orm";
import type { ClubThresholds, IsoWeekday } from "@loadline/domain";
import type { Database } from "../client";
import { athleteProfiles, organisations } from "../schema";

/** The club's time zone and date locale (the engine's calendar and every screen's dates). */
export interface ClubCalendarRow {
  timeZone: string;
  locale: string;
  weekStartsOn: IsoWeekday;
  /** The owner's engine defaults for the club (null: the engine's own). */
  engineThresholds: ClubThresholds | null;
}

/** The organisation's zone, locale, week start and engine defaults (one query); the defaults when the row is missing. */
export async function readClubCalendar(db: Database, organisationId: string): Promise<ClubCalendarRow> {
  const [row] = await db
    .select({
      timeZone: organisations.timeZone,
      locale: organisations.locale,
      weekStartsOn: organisations.weekStartsOn,
      engineThresholds: organisations.engineThresholds,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!row) return { timeZone: "Europe/London", locale: "en-GB", weekStartsOn: 1, engineThresholds: null };
  return { ...row, weekStartsOn: row.weekStartsOn };
}

/** Athletes' own time-zone overrides (null: the club's zone), one query. */
export async function readAthleteTimeZones(db: Database, organisationId: string, athleteIds: string[]): Promise<Map<string, string | null>> {
  if (athleteIds.length === 0) return new Map();
  const rows = await db
    .select({ id: athleteProfiles.id, timeZone: athleteProfiles.timeZone })
    .from(athleteProfiles)
    .where(and(eq(athleteProfiles.organisationId, organisationId), inArray(athleteProfiles.id, athleteIds)));
  return new Map(rows.map((r) => [r.id, r.timeZone]));
}
