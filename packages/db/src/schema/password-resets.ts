import { foreignKey, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, organisationId } from "./columns";
import { users } from "./users";

/**
 * One-time password-reset links a coach or physio issues for a member of their club (shown to
 * copy, like invites). Only the SHA-256 of the token is stored; a new link expires the older
 * unused ones; using one sets the password and ends every session of the user.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: id(),
    organisationId: organisationId(),
    userId: uuid("user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdByUserId: uuid("created_by_user_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("password_resets_token_hash_key").on(t.tokenHash),
    index("password_resets_user_idx").on(t.organisationId, t.userId),
    foreignKey({
      name: "password_resets_user_fk",
      columns: [t.organisationId, t.userId],
      foreignColumns: [users.organisationId, users.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "password_resets_created_by_fk",
      columns: [t.organisationId, t.createdByUserId],
      foreignColumns: [users.organisationId, users.id],
    }).onDelete("cascade"),
  ],
);
