import { SpanStatusCode, trace, type Attributes } from "@opentelemetry/api";
import { onDatabaseShutdown, spanErrorMessage } from "@loadline/db";
import { readObservabilityEnv } from "./env";

/**
 * OpenTelemetry traces, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set: then spans for tRPC
 * procedures, database statements and transactions, and re-assessment job batches go to that
 * OTLP/HTTP endpoint (the exporter reads the OTEL_* variables itself). The SDK is only loaded
 * when tracing is on.
 */
export async function startTelemetry(serviceName: string): Promise<boolean> {
  const env = readObservabilityEnv();
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return false;
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] =
    await Promise.all([
      import("@opentelemetry/sdk-trace-node"),
      import("@opentelemetry/exporter-trace-otlp-http"),
      import("@opentelemetry/resources"),
    ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": env.OTEL_SERVICE_NAME ?? serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  // Spans still buffered leave before the process does.
  onDatabaseShutdown(() => provider.shutdown());
  return true;
}

const tracer = trace.getTracer("loadline");

/** Run `work` in a span; a failure marks the span with its kind or code, never its message. */
export function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: () => Promise<T>,
  outcome?: (result: T) => string | null,
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      const result = await work();
      const failed = outcome?.(result) ?? null;
      if (failed) span.setStatus({ code: SpanStatusCode.ERROR, message: failed });
      return result;
    } catch (error) {
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: spanErrorMessage(error),
      });
      throw error;
    } finally {
      span.end();
    }
  });
}
