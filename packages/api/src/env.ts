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

/**
 * Web Push (VAPID) keys. All three set: push is offered; none set: push is off and hidden. Keys
 * come from `npx web-push generate-vapid-keys` (URL-safe base64, a P-256 public key of 65 bytes
 * and a private key of 32).
 */
const base64url = (bytes: number, name: string) =>
  z.string().regex(/^[A-Za-z0-9_-]+$/, `${name} must be URL-safe base64`).refine((v) => Buffer.from(v, "base64url").length === bytes, `${name} must be ${bytes} bytes (see npx web-push generate-vapid-keys)`);

const pushEnvSchema = z
  .object({
    LOADLINE_VAPID_PUBLIC_KEY: optional.pipe(base64url(65, "LOADLINE_VAPID_PUBLIC_KEY").optional()),
    LOADLINE_VAPID_PRIVATE_KEY: optional.pipe(base64url(32, "LOADLINE_VAPID_PRIVATE_KEY").optional()),
    LOADLINE_VAPID_SUBJECT: optional.pipe(z.string().regex(/^(mailto:|https:\/\/)\S+$/, "LOADLINE_VAPID_SUBJECT must be a mailto: or https:// address").optional()),
  })
  .refine(
    (env) => [env.LOADLINE_VAPID_PUBLIC_KEY, env.LOADLINE_VAPID_PRIVATE_KEY, env.LOADLINE_VAPID_SUBJECT].filter(Boolean).length % 3 === 0,
    { message: "Web Push needs all of LOADLINE_VAPID_PUBLIC_KEY, LOADLINE_VAPID_PRIVATE_KEY and LOADLINE_VAPID_SUBJECT, or none" },
  );

export interface VapidSettings {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/** The VAPID keys, or null when push is not configured. */
export function readPushEnv(source: EnvSource = process.env): VapidSettings | null {
  const env = pushEnvSchema.parse(source);
  if (!env.LOADLINE_VAPID_PUBLIC_KEY || !env.LOADLINE_VAPID_PRIVATE_KEY || !env.LOADLINE_VAPID_SUBJECT) return null;
  return { publicKey: env.LOADLINE_VAPID_PUBLIC_KEY, privateKey: env.LOADLINE_VAPID_PRIVATE_KEY, subject: env.LOADLINE_VAPID_SUBJECT };
}
