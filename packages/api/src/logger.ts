import { createRequire } from "node:module";
import pino from "pino";
import { readObservabilityEnv } from "./env";

/**
 * Structured logs with pino: one JSON object per line (every collector parses it), readable
 * lines in development (LOADLINE_LOG_PRETTY=true, set by `pnpm dev`). Error details (SQL, stacks)
 * go here and only here, keyed by the request id a client's error answer names. Never log
 * health data or secrets: request bodies, query parameters, tokens and cookies are not passed
 * in, and the redaction below catches them if someone does.
 */
export type LogLevel = "info" | "warn" | "error";

export interface LogRecord {
  level: LogLevel;
  event: string;
  requestId?: string;
  [key: string]: unknown;
}

export type Logger = (record: LogRecord) => void;

const key = Symbol.for("loadline.logger");
const slot = globalThis as { [key]?: pino.Logger };

function base(): pino.Logger {
  const existing = slot[key];
  if (existing) return existing;
  const env = readObservabilityEnv();
  const options: pino.LoggerOptions = {
    level: env.LOG_LEVEL,
    base: { service: env.LOADLINE_SERVICE_NAME },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [
        "password",
        "*.password",
        "token",
        "*.token",
        "authorization",
        "*.authorization",
        "cookie",
        "*.cookie",
        "params",
        "*.params",
        "input",
        "*.input",
      ],
      censor: "[redacted]",
    },
  };
  const pretty = env.LOADLINE_LOG_PRETTY;
  // pino-pretty as a stream in this thread, not a transport: Next bundles server code, and a
  // transport's worker thread cannot find its module there.
  const logger = pretty ? pino(options, prettyStream()) : pino(options);
  slot[key] = logger;
  return logger;
}

function prettyStream(): pino.DestinationStream {
  // Loaded only when asked for: production images need not carry it.
  const load = createRequire(import.meta.url);
  try {
    const pretty = load("pino-pretty") as (options: object) => pino.DestinationStream;
    return pretty({
      colorize: true,
      sync: true,
      singleLine: true,
      ignore: "pid,hostname,service",
    });
  } catch {
    return pino.destination(1);
  }
}

function write(logger: pino.Logger, record: LogRecord): void {
  const { level, event, ...fields } = record;
  logger[level]({ event, ...fields }, event);
}

/** The process logger, for lines outside a request (start, shutdown, the worker). */
export const jsonLogger: Logger = (record) => write(base(), record);

/** A logger whose every line carries these fields (a request's id, user and organisation). */
export function childLogger(bindings: {
  requestId?: string;
  userId?: string | null;
  organisationId?: string | null;
  [key: string]: unknown;
}): Logger {
  const child = base().child(
    Object.fromEntries(Object.entries(bindings).filter(([, v]) => v !== undefined && v !== null)),
  );
  return (record) => write(child, record);
}

const REDACTED_FIELDS = new Set(["params", "parameters", "args", "values"]);

/** An error and its causes as plain data for the log (Error's fields are not enumerable). */
export function describeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  // A failed query's parameters are the values written (health data, password hashes): only the
  // SQL text, which holds placeholders, may be logged.
  const extra = Object.fromEntries(Object.entries(error).filter(([k]) => !REDACTED_FIELDS.has(k)));
  return {
    ...extra,
    name: error.name,
    // Drizzle repeats the parameters in its message after "params:".
    message: error.message.replace(/\nparams: [\s\S]*$/, "\nparams: [redacted]"),
    stack: error.stack?.replace(/\nparams: [\s\S]*?\n(\s+at )/, "\nparams: [redacted]\n$1"),
    cause: depth < 5 && error.cause !== undefined ? describeError(error.cause, depth + 1) : undefined,
  };
}
