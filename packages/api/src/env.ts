import { z } from "zod";

/**
 * The logging and tracing settings, validated. Read once per process by the logger and by
 * `startTelemetry`; the OTLP exporter reads its other OTEL_* variables itself.
 */
const observabilityEnvSchema = z.object({
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent" }).default("info"),
  LOADLINE_SERVICE_NAME: z.string().min(1).default("loadline"),
  /** "true": readable lines instead of JSON (development). */
  LOADLINE_LOG_PRETTY: z.enum(["true", "false", ""]).optional().transform((v) => v === "true"),
  /** Tracing is on only when this is set. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ error: "OTEL_EXPORTER_OTLP_ENDPOINT must be a URL" }).optional().or(z.literal("").transform(() => undefined)),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
});

export type ObservabilityEnv = z.infer<typeof observabilityEnvSchema>;

export function readObservabilityEnv(source: Record<string, string | undefined> = process.env): ObservabilityEnv {
  return observabilityEnvSchema.parse(source);
}
