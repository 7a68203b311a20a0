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
  /** Bearer token Prometheus sends to /api/metrics; unset means the endpoint answers 404. */
  LOADLINE_METRICS_TOKEN: z.string().min(16, "LOADLINE_METRICS_TOKEN must be at least 16 characters").optional().or(z.literal("").transform(() => undefined)),
});

/** The server's settings, validated once at start: the database's and the web app's own. */
export const env = { ...readDbEnv(), ...webEnvSchema.parse(process.env) };
