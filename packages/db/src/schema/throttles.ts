import { check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/**
 * Failed attempts at guessable credentials, per key ("account:<email>", "address:<ip>"). Not a
 * tenant table: an attempt happens before anyone is known to belong to an organisation. Rows are
 * upserted atomically (`recordThrottleFailure`), so concurrent replicas count together.
 */
export const authThrottles = pgTable(
  "auth_throttles",
  {
    key: text("key").primaryKey(),
    failures: integer("failures").notNull(),
    lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [check("auth_throttles_failures_check", sql`${t.failures} > 0`)],
);
