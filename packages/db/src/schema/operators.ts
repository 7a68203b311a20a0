import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, unique } from "drizzle-orm/pg-core";
import { createdAt, id, textLimit } from "./columns";

/**
 * The people who run a Loadline instance: they create clubs and remove the demo, and belong to
 * no club. Not a tenant table: the app role (loadline_app) has no access to it at all, and no
 * operator query reads a club's health records (only names and head counts).
 */
export const operators = pgTable(
  "operators",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** Copied into the operator's session cookie; bumping it ends every operator session. */
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    unique("operators_email_key").on(t.email),
    check("operators_email_lower_check", sql`${t.email} = lower(${t.email})`),
    textLimit("operators_name_length_check", t.name, "name"),
  ],
);
