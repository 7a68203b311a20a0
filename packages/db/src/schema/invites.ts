import { sql } from "drizzle-orm";
import { check, foreignKey, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { roles } from "@loadline/domain";
import { createdAt, id, organisationId, textLimit } from "./columns";
import { organisations } from "./organisations";
import { users } from "./users";

/**
 * One-time invite links. Only a SHA-256 of the token is stored, so a database leak
 * does not hand out working links.
 */
export const invites = pgTable(
  "invites",
  {
    id: id(),
    organisationId: organisationId(),
    userId: uuid("user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    /**
     * Where staff sent this invite after correcting the person's address; accepting it moves the
     * account to this address. Null when the invite went to the account's own email.
     */
    email: text("email"),
    createdByUserId: uuid("created_by_user_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("invites_token_hash_key").on(t.tokenHash),
    check("invites_email_lower_check", sql`${t.email} = lower(${t.email})`),
    index("invites_user_idx").on(t.userId),
    foreignKey({
      name: "invites_user_fk",
      columns: [t.organisationId, t.userId],
      foreignColumns: [users.organisationId, users.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "invites_created_by_fk",
      columns: [t.organisationId, t.createdByUserId],
      foreignColumns: [users.organisationId, users.id],
    }).onDelete("cascade"),
  ],
);

/**
 * An invite to someone whose email already has an account in another organisation. Emails are
 * unique across Loadline, so no second user can be made for them; the invite waits here until
 * accepting it adds a membership (not built yet). It exists so that inviting such a person
 * looks exactly like inviting a new one: the inviter learns nothing about other clubs.
 */
export const membershipInvites = pgTable(
  "membership_invites",
  {
    id: id(),
    organisationId: organisationId().references(() => organisations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: roles }).notNull(),
    /** For an athlete, what the coach entered (profile and squads), to apply on acceptance. */
    athleteProfile: jsonb("athlete_profile").$type<Record<string, unknown>>(),
    tokenHash: text("token_hash").notNull(),
    createdByUserId: uuid("created_by_user_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("membership_invites_token_hash_key").on(t.tokenHash),
    index("membership_invites_org_email_idx").on(t.organisationId, t.email),
    foreignKey({
      name: "membership_invites_created_by_fk",
      columns: [t.organisationId, t.createdByUserId],
      foreignColumns: [users.organisationId, users.id],
    }).onDelete("cascade"),
    check("membership_invites_email_lower_check", sql`${t.email} = lower(${t.email})`),
    textLimit("membership_invites_name_length_check", t.name, "name"),
  ],
);
