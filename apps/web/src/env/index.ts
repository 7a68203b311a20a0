import "server-only";
import { z } from "zod";
import { readDbEnv } from "@loadline/db/env";

const webEnvSchema = z.object({
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters"),
  AUTH_URL: z.url().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set to true only behind a reverse proxy that appends the client's address to X-Forwarded-For. */
  LOADLINE_TRUSTED_PROXY: z
    .enum(["true", "false", ""], { error: "LOADLINE_TRUSTED_PROXY must be true or false" })
    .optional()
    .transform((value) => value === "true"),
  /** false: an empty embedded database opens on "Set up your club" instead of the demo club. */
  LOADLINE_DEMO: z
    .enum(["true", "false", ""], { error: "LOADLINE_DEMO must be true or false" })
    .optional()
    .transform((value) => value !== "false"),
  /** true: anyone may create a new club from the set-up page (self-service sign-up). Off by default. */
  LOADLINE_OPEN_SIGNUP: z
    .enum(["true", "false", ""], { error: "LOADLINE_OPEN_SIGNUP must be true or false" })
    .optional()
    .transform((value) => value === "true"),
  /** The instance's public address, for links in emails (falls back to AUTH_URL). */
  LOADLINE_PUBLIC_URL: z.url({ error: "LOADLINE_PUBLIC_URL must be a URL such as https://loadline.example.org" }).optional().or(z.literal("").transform(() => undefined)),
  /** smtp://user:pass@host:587 (or smtps://): invites and links are also emailed. Unset: links are only shown to copy. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL").optional().or(z.literal("").transform(() => undefined)),
  /** The sender of those emails, e.g. "Loadline <loadline@club.example>". */
  SMTP_FROM: z.string().min(3).optional().or(z.literal("").transform(() => undefined)),
  /** Bearer token Prometheus sends to /api/metrics; unset means the endpoint answers 404. */
  LOADLINE_METRICS_TOKEN: z.string().min(16, "LOADLINE_METRICS_TOKEN must be at least 16 characters").optional().or(z.literal("").transform(() => undefined)),
});

/** The server's settings, validated once at start: the database's and the web app's own. */
export const env = { ...readDbEnv(), ...webEnvSchema.parse(process.env) };
if (env.SMTP_URL && !env.SMTP_FROM) throw new Error("SMTP_FROM must be set with SMTP_URL (the sender address of Loadline's emails)");
