import { z } from "zod";

// The settings the operator's command-line scripts read (club.ts, operator.ts), validated. An
// empty variable counts as unset, as in the server's env module (src/env/index.ts).
const unsetIfEmpty = (value: string | undefined) => (value === "" ? undefined : value);

const scriptEnvSchema = z.object({
  LOADLINE_PUBLIC_URL: z.url({ error: "LOADLINE_PUBLIC_URL must be a URL" }).optional(),
  AUTH_URL: z.url({ error: "AUTH_URL must be a URL" }).optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL").optional(),
  SMTP_FROM: z.string().optional(),
  /** operator:create uses it as the new operator's password instead of printing a random one. */
  LOADLINE_OPERATOR_PASSWORD: z.string().optional(),
});

export type ScriptEnv = z.infer<typeof scriptEnvSchema>;

export function readScriptEnv(source: Record<string, string | undefined> = process.env): ScriptEnv {
  const keys = Object.keys(scriptEnvSchema.shape) as (keyof ScriptEnv)[];
  return scriptEnvSchema.parse(Object.fromEntries(keys.map((k) => [k, unsetIfEmpty(source[k])])));
}
