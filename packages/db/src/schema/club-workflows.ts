import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { athleteProfiles } from "./athletes";
import { alerts } from "./squad-planning";
import { createdAt, id, organisationId, textLimit } from "./columns";
import { squads } from "./squads";
import { users } from "./users";

/*
 * Club workflows: private calendar feeds, notes between staff (and with the athlete), and the
 * in-app notifications they raise. Tenant tables like every other, with row-level security.
 */

/**
 * A private calendar subscription URL. Only a SHA-256 of the URL's token is stored, as for
 * invite links; revoking sets `revoked_at` and the URL stops answering. An athlete subscribes to
 * their own days (`athlete_id`), a coach to a squad (`squad_id`).
 */
export const calendarSubscriptions = pgTable(
  "calendar_subscriptions",
  {
    id: id(),
    organisationId: organisationId(),
    userId: uuid("user_id").notNull(),
    kind: text("kind", { enum: ["athlete", "squad"] }).notNull(),
    athleteId: uuid("athlete_id"),
    squadId: uuid("squad_id"),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    unique("calendar_subscriptions_token_hash_key").on(t.tokenHash),
    index("calendar_subscriptions_user_idx").on(t.organisationId, t.userId),
    foreignKey({ name: "calendar_subscriptions_user_fk", columns: [t.organisationId, t.userId], foreignColumns: [users.organisationId, users.id] }).onDelete(
      "cascade",
    ),
    foreignKey({
      name: "calendar_subscriptions_athlete_fk",
      columns: [t.organisationId, t.athleteId],
      foreignColumns: [athleteProfiles.organisationId, athleteProfiles.id],
    }).onDelete("cascade"),
    foreignKey({ name: "calendar_subscriptions_squad_fk", columns: [t.organisationId, t.squadId], foreignColumns: [squads.organisationId, squads.id] }).onDelete(
      "cascade",
    ),
    check(
      "calendar_subscriptions_subject_check",
      sql`(${t.kind} = 'athlete' and ${t.athleteId} is not null and ${t.squadId} is null) or (${t.kind} = 'squad' and ${t.squadId} is not null and ${t.athleteId} is null)`,
    ),
  ],
);

/** Who may read a note: coach and physio, the physio only, or also the athlete it is about. */
export const noteVisibilities = ["staff", "clinical", "shared"] as const;

/** A note in the thread about one athlete. Notes are not edited: a correction is a new note. */
export const athleteNotes = pgTable(
  "athlete_notes",
  {
    id: id(),
    organisationId: organisationId(),
    athleteId: uuid("athlete_id").notNull(),
    authorId: uuid("author_id").notNull(),
    visibility: text("visibility", { enum: noteVisibilities }).notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("athlete_notes_thread_idx").on(t.organisationId, t.athleteId, t.createdAt),
    foreignKey({
      name: "athlete_notes_athlete_fk",
      columns: [t.organisationId, t.athleteId],
      foreignColumns: [athleteProfiles.organisationId, athleteProfiles.id],
    }).onDelete("cascade"),
    foreignKey({ name: "athlete_notes_author_fk", columns: [t.organisationId, t.authorId], foreignColumns: [users.organisationId, users.id] }),
    unique("athlete_notes_org_id_key").on(t.organisationId, t.id),
    textLimit("athlete_notes_body_length_check", t.body, "note"),
    check("athlete_notes_body_not_blank_check", sql`char_length(btrim(${t.body})) > 0`),
  ],
);

/** An in-app notification for one user (a mention in a note, for now), read or unread. */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    organisationId: organisationId(),
    userId: uuid("user_id").notNull(),
    kind: text("kind", { enum: ["mention"] }).notNull(),
    athleteId: uuid("athlete_id"),
    noteId: uuid("note_id"),
    /** One sentence, without the note's text (a clinical note's text stays in the note). */
    message: text("message").notNull(),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_idx").on(t.organisationId, t.userId, t.createdAt),
    foreignKey({ name: "notifications_user_fk", columns: [t.organisationId, t.userId], foreignColumns: [users.organisationId, users.id] }).onDelete("cascade"),
    foreignKey({ name: "notifications_note_fk", columns: [t.organisationId, t.noteId], foreignColumns: [athleteNotes.organisationId, athleteNotes.id] }).onDelete(
      "cascade",
    ),
    textLimit("notifications_message_length_check", t.message, "title"),
  ],
);

/** The reminders an athlete can get: the morning check-in and a due VISA-H questionnaire. */
export const reminderKinds = ["morning_check_in", "visa_h_due"] as const;

/**
 * One athlete's reminder of one kind on one local day of the club: the reminder job records the
 * email it sent (at most one per kind and day, whatever how often the job runs), and the
 * athlete's "mark read" records that they have seen it in the app.
 */
export const reminderDeliveries = pgTable(
  "reminder_deliveries",
  {
    id: id(),
    organisationId: organisationId(),
    athleteId: uuid("athlete_id").notNull(),
    kind: text("kind", { enum: reminderKinds }).notNull(),
    /** The club's (or athlete's) local date the reminder is for. */
    day: date("day", { mode: "string" }).notNull(),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("reminder_deliveries_once_key").on(t.organisationId, t.athleteId, t.kind, t.day),
    foreignKey({ name: "reminder_deliveries_athlete_fk", columns: [t.organisationId, t.athleteId], foreignColumns: [athleteProfiles.organisationId, athleteProfiles.id] }).onDelete(
      "cascade",
    ),
    check("reminder_deliveries_kind_check", sql`${t.kind} in ('morning_check_in', 'visa_h_due')`),
  ],
);

/** A staff member has read the notification of a new alert (the alert itself stays open until acted on). */
export const alertReads = pgTable(
  "alert_reads",
  {
    organisationId: organisationId(),
    userId: uuid("user_id").notNull(),
    alertId: uuid("alert_id").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("alert_reads_once_key").on(t.organisationId, t.userId, t.alertId),
    foreignKey({ name: "alert_reads_user_fk", columns: [t.organisationId, t.userId], foreignColumns: [users.organisationId, users.id] }).onDelete("cascade"),
    foreignKey({ name: "alert_reads_alert_fk", columns: [t.alertId], foreignColumns: [alerts.id] }).onDelete("cascade"),
  ],
);

/**
 * A browser's Web Push subscription for one user (one row per device that turned push on). The
 * endpoint is the push service URL the browser gave; `p256dh` and `auth` are its public keys,
 * used to encrypt each message. A push service answering 404/410 means the row is dead and is
 * deleted.
 */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: id(),
    organisationId: organisationId(),
    userId: uuid("user_id").notNull(),
    endpoint: text("endpoint").notNull(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("push_subscriptions_endpoint_key").on(t.endpoint),
    index("push_subscriptions_user_idx").on(t.organisationId, t.userId),
    foreignKey({ name: "push_subscriptions_user_fk", columns: [t.organisationId, t.userId], foreignColumns: [users.organisationId, users.id] }).onDelete("cascade"),
    check("push_subscriptions_endpoint_check", sql`${t.endpoint} like 'https://%' and char_length(${t.endpoint}) <= 2048`),
    check("push_subscriptions_keys_length_check", sql`char_length(${t.p256dh}) <= 256 and char_length(${t.auth}) <= 256`),
  ],
);
