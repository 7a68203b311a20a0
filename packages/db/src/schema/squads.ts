import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, organisationId, textLimit } from "./columns";
import { organisations } from "./organisations";
import { users } from "./users";

export const squadKinds = ["distance", "field"] as const;

export const squads = pgTable(
  "squads",
  {
    id: id(),
    organisationId: organisationId().references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: squadKinds }).notNull(),
    createdAt: createdAt(),
    /** Archived squads leave the board, planner and forms; their history and members stay. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [textLimit("squads_name_length_check", t.name, "name"), 
    unique("squads_org_name_key").on(t.organisationId, t.name),
    unique("squads_org_id_key").on(t.organisationId, t.id),
    check("squads_kind_check", sql`${t.kind} in ('distance', 'field')`),
  ],
);

/** Who belongs to which squad: athletes train in it, coaches look after it. */
export const squadMemberships = pgTable(
  "squad_memberships",
  {
    organisationId: organisationId(),
    squadId: uuid("squad_id").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: "squad_memberships_pk", columns: [t.squadId, t.userId] }),
    index("squad_memberships_user_idx").on(t.userId),
    // Composite keys make a cross-organisation membership impossible, not just unlikely.
    foreignKey({
      name: "squad_memberships_squad_fk",
      columns: [t.organisationId, t.squadId],
      foreignColumns: [squads.organisationId, squads.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "squad_memberships_user_fk",
      columns: [t.organisationId, t.userId],
      foreignColumns: [users.organisationId, users.id],
    }).onDelete("cascade"),
  ],
);
