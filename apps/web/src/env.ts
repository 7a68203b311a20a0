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
});

/** The server's settings, validated once at start: the database's and the web app's own. */
export const env = { ...readDbEnv(), ...webEnvSchema.parse(process.env) };
