import { foreignKey, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, organisationId } from "./columns";
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
    createdByUserId: uuid("created_by_user_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("invites_token_hash_key").on(t.tokenHash),
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
