import { sql } from "drizzle-orm";
import { boolean, check, integer, jsonb, pgTable, text, unique } from "drizzle-orm/pg-core";
import type { ClubThresholds, IsoWeekday } from "@loadline/domain";
import { createdAt, id, textLimit } from "./columns";

export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    /** IANA zone the club's days, weeks and sentence times use (the engine's calendar). */
    timeZone: text("time_zone").notNull().default("Europe/London"),
    /** Locale every screen formats dates in. */
    locale: text("locale").notNull().default("en-GB"),
    /** ISO weekday the club's weeks start on (1 Monday ... 7 Sunday): planner, progress, volume weeks. */
    weekStartsOn: integer("week_starts_on").$type<IsoWeekday>().notNull().default(1),
    /** Set by the owner: physios must have a second factor before they can use the app. */
    physioSecondFactorRequired: boolean("physio_second_factor_required").notNull().default(false),
    /** Set by the owner: athletes in rehab get an email when their morning check-in is not done (with SMTP). */
    checkInReminderEmails: boolean("check_in_reminder_emails").notNull().default(false),
    /** Set by the owner: physios may record gait assessments too (coaches always may). Off by default. */
    physioGaitNotes: boolean("physio_gait_notes").notNull().default(false),
    /** The owner's engine defaults for the club (a plan's own overrides still win); null: the engine's. */
    engineThresholds: jsonb("engine_thresholds").$type<ClubThresholds>(),
    /** Athletes archived longer than this many months are erased by the retention job; null: never. */
    archivedAthleteRetentionMonths: integer("archived_athlete_retention_months"),
    createdAt: createdAt(),
  },
  (t) => [
    textLimit("organisations_name_length_check", t.name, "title"),
    unique("organisations_slug_key").on(t.slug),
    check("organisations_week_starts_on_check", sql`${t.weekStartsOn} between 1 and 7`),
    check(
      "organisations_archived_athlete_retention_check",
      sql`${t.archivedAthleteRetentionMonths} is null or ${t.archivedAthleteRetentionMonths} between 1 and 120`,
    ),
  ],
);
