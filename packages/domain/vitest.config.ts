import { defineConfig } from "vitest/config";
import { unitTimeouts } from "@loadline/config/vitest/timeouts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    ...unitTimeouts,
    // One fixed seed for every property test: CI replays the same cases; FC_SEED explores others.
    setupFiles: ["test/setup.ts"],
    provide: { fcSeed: Number(process.env.FC_SEED ?? 20_261_201) },
    coverage: {
      provider: "v8",
      include: ["src/clinical/**/*.ts", "src/policy.ts", "src/roster.ts", "src/sessions.ts", "src/throttle.ts", "src/account.ts"],
      exclude: ["src/clinical/**/index.ts", "src/clinical/types.ts"],
      reporter: ["text", "text-summary", "json-summary"],
      thresholds: { lines: 95, branches: 95, functions: 95, statements: 95 },
    },
  },
});
