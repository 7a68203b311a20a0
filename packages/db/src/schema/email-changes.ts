import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, organisationId } from "./columns";
import { users } from "./users";

/**
 * A user asked to change their email: the new address becomes theirs only when the one-time
 * link (shown to copy, or emailed to the new address) is opened. Only the token's SHA-256 is
 * stored; a new request expires the older ones.
 */
export const emailChanges = pgTable(
  "email_changes",
  {
    id: id(),
    organisationId: organisationId(),
    userId: uuid("user_id").notNull(),
    newEmail: text("new_email").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("email_changes_token_hash_key").on(t.tokenHash),
    index("email_changes_user_idx").on(t.organisationId, t.userId),
    foreignKey({
      name: "email_changes_user_fk",
      columns: [t.organisationId, t.userId],
      foreignColumns: [users.organisationId, users.id],
    }).onDelete("cascade"),
    check("email_changes_email_lower_check", sql`${t.newEmail} = lower(${t.newEmail})`),
  ],
);
