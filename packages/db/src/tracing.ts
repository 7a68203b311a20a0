import { SpanKind, SpanStatusCode, trace, type Attributes } from "@opentelemetry/api";

/**
 * Spans for database work. Without a tracer provider registered (OpenTelemetry off, the
 * default) the API hands out no-op spans, so this costs next to nothing.
 */
const tracer = trace.getTracer("loadline-db");

/** A failed span's status message: the error's code only (driver messages can hold values). */
export function spanErrorMessage(error: unknown): string {
  const code = error instanceof Object && "code" in error ? error.code : undefined;
  return typeof code === "string" || typeof code === "number" ? String(code) : "error";
}

export function inDatabaseSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(
    name,
    { kind: SpanKind.CLIENT, attributes: { "db.system": "postgresql", ...attributes } },
    async (span) => {
      try {
        return await work();
      } catch (error) {
        // The error's code only: driver messages can hold values.
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: spanErrorMessage(error),
        });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
