import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, pgTable, real, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { relevantConditions, sexes } from "@loadline/domain";
import { createdAt, id, organisationId, updatedAt, textLimit } from "./columns";
import { users } from "./users";

/** The Athlete fields of clinical-model.md, "Records"; one profile per athlete user. */
export const athleteProfiles = pgTable(
  "athlete_profiles",
  {
    id: id(),
    organisationId: organisationId(),
    userId: uuid("user_id").notNull(),
    eventOrSport: text("event_or_sport").notNull(),
    birthYear: integer("birth_year"),
    sex: text("sex", { enum: sexes }).notNull().default("unspecified"),
    preInjuryWeeklyKm: real("pre_injury_weekly_km"),
    previousHamstringInjury: boolean("previous_hamstring_injury").notNull().default(false),
    /** Recorded by the physio when the club records it (R21); null: not recorded. */
    bmi: real("bmi"),
    /** The athlete's usual easy-pace cadence, steps/min, for the gait cadence hint. */
    usualCadenceSpm: real("usual_cadence_spm"),
    conditions: text("conditions", { enum: relevantConditions }).array().notNull().default(sql`'{}'::text[]`),
    notes: text("notes").notNull().default(""),
    /** The athlete's own IANA zone (e.g. training abroad); null: the club's zone. */
    timeZone: text("time_zone"),
    /**
     * Counts the writes of what the engine reads for this athlete: bumped in each write's
     * transaction (before an inline assessment reads the records, before a queued write's job
     * can be seen), and stored with every snapshot as the version it read, so a worker batch that
     * read the records before such a write committed can never replace a snapshot that includes
     * it (see `assessment_snapshots.records_version`).
     */
    recordsVersion: integer("records_version").notNull().default(0),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    /** When the athlete's personal data was erased (docs/data-protection.md); the row stays, pseudonymised. */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [textLimit("athlete_profiles_event_or_sport_length_check", t.eventOrSport, "name"), textLimit("athlete_profiles_notes_length_check", t.notes, "note"), 
    unique("athlete_profiles_user_key").on(t.userId),
    unique("athlete_profiles_org_id_key").on(t.organisationId, t.id),
    index("athlete_profiles_org_idx").on(t.organisationId, t.archivedAt),
    check("athlete_profiles_erased_archived_check", sql`${t.erasedAt} is null or ${t.archivedAt} is not null`),
    foreignKey({
      name: "athlete_profiles_user_fk",
      columns: [t.organisationId, t.userId],
      foreignColumns: [users.organisationId, users.id],
    }).onDelete("cascade"),
    check("athlete_profiles_birth_year_check", sql`${t.birthYear} is null or ${t.birthYear} between 1930 and 2100`),
    check("athlete_profiles_volume_check", sql`${t.preInjuryWeeklyKm} is null or ${t.preInjuryWeeklyKm} between 0 and 400`),
    check("athlete_profiles_bmi_check", sql`${t.bmi} is null or ${t.bmi} between 10 and 80`),
    check("athlete_profiles_usual_cadence_check", sql`${t.usualCadenceSpm} is null or ${t.usualCadenceSpm} between 60 and 260`),
    check("athlete_profiles_sex_check", sql`${t.sex} in ('female', 'male', 'other', 'unspecified')`),
  ],
);
