import { sql } from "drizzle-orm";
import { check, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { TEXT_LIMITS } from "@loadline/domain";

export const id = () => uuid("id").primaryKey().defaultRandom();
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
/** Every tenant table carries the organisation it belongs to. */
export const organisationId = () => uuid("organisation_id").notNull();

/**
 * A text length limit as a CHECK constraint: the same limit the input primitives of
 * @loadline/domain enforce, repeated here so no other writer (a script, a bug) can exceed it.
 */
export const textLimit = (name: string, column: AnyPgColumn, kind: keyof typeof TEXT_LIMITS) =>
  check(name, sql`char_length(${column}) <= ${sql.raw(String(TEXT_LIMITS[kind]))}`);
