import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    coverage: {
      provider: "v8",
      include: ["src/clinical/**/*.ts", "src/policy.ts", "src/roster.ts", "src/sessions.ts", "src/throttle.ts", "src/account.ts"],
      exclude: ["src/clinical/**/index.ts", "src/clinical/types.ts"],
      reporter: ["text", "text-summary", "json-summary"],
      thresholds: { lines: 95, branches: 95, functions: 95, statements: 95 },
    },
  },
});
