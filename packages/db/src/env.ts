import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  LOADLINE_DATA_DIR: z.string().min(1).optional(),
  LOADLINE_MIGRATIONS_DIR: z.string().min(1).optional(),
  /**
   * `false`: the process does not migrate at first use (Kubernetes runs migrations as a Job before
   * the rollout; replicas then wait, not ready, until the schema is at their version).
   */
  LOADLINE_MIGRATE_ON_START: z
    .enum(["true", "false", ""], { error: "LOADLINE_MIGRATE_ON_START must be true or false" })
    .optional()
    .transform((value) => value !== "false"),
  /**
   * `false`: no statement is prepared (for a pooler in transaction mode that cannot keep
   * prepared statements, such as PgBouncer before 1.21). On by default: short statements are
   * parsed and planned once per connection (`PREPARED_PARAMETER_LIMIT`).
   */
  LOADLINE_DB_PREPARE: z
    .enum(["true", "false", ""], { error: "LOADLINE_DB_PREPARE must be true or false" })
    .optional()
    .transform((value) => value !== "false"),
  /** Tests only: which database a test file gets (set per Vitest project). */
  LOADLINE_TEST_DB: z.enum(["pglite", "postgres"], { error: "LOADLINE_TEST_DB must be pglite or postgres" }).optional(),
});

export type DbEnv = z.infer<typeof envSchema>;

/** The database settings, validated once. */
export function readDbEnv(source: Record<string, string | undefined> = process.env): DbEnv {
  return envSchema.parse(source);
}
