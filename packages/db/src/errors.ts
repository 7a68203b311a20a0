/**
 * What a database failure means for the caller, read from the PostgreSQL SQLSTATE. Both drivers
 * (PGlite and postgres-js) put `code` on their error, and Drizzle wraps it in a DrizzleQueryError
 * whose message holds the SQL and its parameters: callers must only ever see the `kind`.
 */
export type DatabaseFailureKind =
  /** 23505: a unique constraint (usually two requests racing for the same name or key). */
  | "unique_violation"
  /** 23503: a reference to a row that does not exist (or was deleted meanwhile). */
  | "foreign_key_violation"
  /** 23514 and 23502: a CHECK or NOT NULL constraint refused the value. */
  | "check_violation"
  /** Class 22: a value the column type cannot hold (out of range, bad encoding such as NUL). */
  | "invalid_input"
  /** 40001/40P01: a serialization failure or deadlock; retrying may succeed. */
  | "retryable"
  /**
   * The server cannot be reached or is not serving: no connection within the limits (refused,
   * timed out, dropped), the server shutting down or starting up (57P01-57P03, class 08), too
   * many connections (53300), or a statement cancelled by the statement timeout (57014).
   * Retrying later may succeed; the answer is 503.
   */
  | "unavailable";

export interface DatabaseFailure {
  kind: DatabaseFailureKind;
  sqlState: string;
  /** The constraint's name when the driver reports it (e.g. "users_email_key"). */
  constraint: string | null;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

function kindOf(sqlState: string): DatabaseFailureKind | null {
  if (sqlState === "23505") return "unique_violation";
  if (sqlState === "23503") return "foreign_key_violation";
  if (sqlState === "23514" || sqlState === "23502") return "check_violation";
  if (sqlState.startsWith("22")) return "invalid_input";
  if (sqlState === "40001" || sqlState === "40P01") return "retryable";
  if (sqlState.startsWith("08") || sqlState.startsWith("57") || sqlState === "53300") return "unavailable";
  return null;
}

/**
 * The driver's own codes for a connection that could not be made or was lost (postgres-js names
 * them; Node's socket errors pass through), and the pool gate's timeout.
 */
const CONNECTION_CODES = new Set([
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "LOADLINE_POOL_TIMEOUT",
]);

function field(value: object, key: string): unknown {
  return (value as Record<string, unknown>)[key];
}

/** The database failure somewhere in `error`'s cause chain, or null when it is not one we classify. */
export function databaseFailureOf(error: unknown): DatabaseFailure | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    const code = field(current, "code");
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return { kind: "unavailable", sqlState: code, constraint: null };
    // Node reports a refused connection to every address of a host name as one AggregateError.
    if (current instanceof AggregateError && current.errors.some((e) => databaseFailureOf(e)?.kind === "unavailable")) {
      return { kind: "unavailable", sqlState: "ECONNREFUSED", constraint: null };
    }
    if (typeof code === "string" && SQLSTATE.test(code)) {
      const kind = kindOf(code);
      if (!kind) return null;
      // PGlite names it `constraint`, postgres-js `constraint_name`.
      const constraint = field(current, "constraint") ?? field(current, "constraint_name");
      return { kind, sqlState: code, constraint: typeof constraint === "string" ? constraint : null };
    }
    current = field(current, "cause");
  }
  return null;
}
