import { z } from "zod";

const benchEnvSchema = z.object({
  /** The server's Auth.js secret; a fixed one when unset (the benchmark's database is throwaway). */
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").default("bench-scale-secret-not-for-production-0000"),
});

export type BenchEnv = z.infer<typeof benchEnvSchema> & {
  /** The benchmark's own environment, passed on to the server and worker it starts (PATH, HOME, ...). */
  inherited: NodeJS.ProcessEnv;
};

/** The settings `pnpm bench:scale` reads from its environment, validated once. */
export function readBenchEnv(source: NodeJS.ProcessEnv = process.env): BenchEnv {
  return { ...benchEnvSchema.parse(source), inherited: { ...source } };
}
