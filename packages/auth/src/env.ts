import { z } from "zod";

/** AUTH_SECRET, validated: the keys of operator sessions and sealed second factors derive from it. */
const authSecretSchema = z.string().min(16, "AUTH_SECRET must be at least 16 characters");

export type EnvSource = Record<string, string | undefined>;

/** The process's AUTH_SECRET (or `source`'s, in tests), validated. */
export function readAuthSecret(source: EnvSource = process.env): string {
  return authSecretSchema.parse(source.AUTH_SECRET);
}
