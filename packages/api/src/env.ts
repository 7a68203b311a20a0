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
export type EnvSource = Record<string, string | undefined>;

export function readObservabilityEnv(source: EnvSource = process.env): ObservabilityEnv {
  return observabilityEnvSchema.parse(source);
}

/** Where exercise images are stored: a disk folder by default, S3-compatible storage when a bucket is set. */
const optional = z.string().trim().optional().transform((v) => (v ? v : undefined));

const mediaEnvSchema = z
  .object({
    /** Disk store folder; default `media` next to the embedded database's folder (`.data/media`). */
    LOADLINE_MEDIA_DIR: optional,
    LOADLINE_DATA_DIR: optional,
    /** Set the bucket (and keys) to store media in S3-compatible storage instead of on disk. */
    LOADLINE_S3_BUCKET: optional,
    LOADLINE_S3_ENDPOINT: optional.pipe(z.url({ protocol: /^https?$/, error: "LOADLINE_S3_ENDPOINT must be an http(s) URL" }).optional()),
    LOADLINE_S3_REGION: optional,
    LOADLINE_S3_ACCESS_KEY_ID: optional,
    LOADLINE_S3_SECRET_ACCESS_KEY: optional,
    LOADLINE_S3_FORCE_PATH_STYLE: z.enum(["true", "false", ""]).optional(),
    LOADLINE_S3_PREFIX: optional,
  })
  .refine((env) => !env.LOADLINE_S3_BUCKET || (env.LOADLINE_S3_ACCESS_KEY_ID && env.LOADLINE_S3_SECRET_ACCESS_KEY), {
    message: "LOADLINE_S3_BUCKET needs LOADLINE_S3_ACCESS_KEY_ID and LOADLINE_S3_SECRET_ACCESS_KEY",
  });

export function readMediaEnv(source: EnvSource = process.env) {
  return mediaEnvSchema.parse(source);
}

/** The email settings a background job needs to send (the web app validates the same in its own env module). */
const mailEnvSchema = z.object({
  SMTP_URL: optional.pipe(z.string().regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL").optional()),
  SMTP_FROM: optional,
  LOADLINE_PUBLIC_URL: optional.pipe(z.url({ error: "LOADLINE_PUBLIC_URL must be a URL" }).optional()),
  AUTH_URL: optional.pipe(z.url({ error: "AUTH_URL must be a URL" }).optional()),
});

export function readMailEnv(source: EnvSource = process.env) {
  return mailEnvSchema.parse(source);
}
