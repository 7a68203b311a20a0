import { SpanKind, SpanStatusCode, trace, type Attributes } from "@opentelemetry/api";

/**
 * Spans for database work. Without a tracer provider registered (OpenTelemetry off, the
 * default) the API hands out no-op spans, so this costs next to nothing.
 */
const tracer = trace.getTracer("loadline-db");

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
          message: String((error as { code?: unknown }).code ?? "error"),
        });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
