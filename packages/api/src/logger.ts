/**
 * A small structured logger: one JSON object per line on stderr, which every log collector
 * parses. Error details (SQL, parameters, stacks) go here and only here, keyed by request id.
 */
export type LogLevel = "info" | "warn" | "error";

export interface LogRecord {
  level: LogLevel;
  event: string;
  requestId?: string;
  [key: string]: unknown;
}

export type Logger = (record: LogRecord) => void;

export const jsonLogger: Logger = (record) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`);
};

const REDACTED_FIELDS = new Set(["params", "parameters", "args", "values"]);

/** An error and its causes as plain data for the log (Error's fields are not enumerable). */
export function describeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  // A failed query's parameters are the values written (health data, password hashes): only the
  // SQL text, which holds placeholders, may be logged.
  const extra = Object.fromEntries(Object.entries(error).filter(([key]) => !REDACTED_FIELDS.has(key)));
  return {
    ...extra,
    name: error.name,
    // Drizzle repeats the parameters in its message after "params:".
    message: error.message.replace(/\nparams: [\s\S]*$/, "\nparams: [redacted]"),
    stack: error.stack,
    cause: depth < 5 && error.cause !== undefined ? describeError(error.cause, depth + 1) : undefined,
  };
}
