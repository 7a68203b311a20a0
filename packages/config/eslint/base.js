import js from "@eslint/js";
import tseslint from "typescript-eslint";

const noAsAny = { selector: "TSAsExpression > TSAnyKeyword", message: "No `as any` escapes." };

/** Shared flat config: strict TypeScript, no `any` escapes. */
export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/.next/**", "**/.next-*/**", "**/dist/**", "**/coverage/**", "**/drizzle/**", "**/*.config.*", "**/next-env.d.ts", "**/playwright-report/**", "**/test-results/**", "**/.auth/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": ["error", noAsAny],
    },
  },
  {
    // Settings are read and validated in one env module per package (env.ts, or *-env.ts for a
    // script's own), so every variable is documented once and a bad value fails at start.
    // Next's NEXT_RUNTIME switch in instrumentation.ts is read before any module loads.
    files: ["**/*.{ts,tsx}"],
    ignores: ["**/env.ts", "**/*-env.ts", "**/instrumentation.ts", "test/**", "tests/**", "**/*.test.{ts,tsx}", "**/*.spec.{ts,tsx}", "bench/**", "scripts/bench-*.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings through the package's env module (env.ts), validated with zod." }],
    },
  },
  {
    // Tests read time from a fixed clock they pass in, so a result never depends on when it runs.
    files: ["test/**/*.{ts,tsx}", "tests/**/*.{ts,tsx}", "**/*.test.{ts,tsx}", "**/*.spec.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        noAsAny,
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Tests use a fixed clock: pass a date (e.g. the fixtures' NOW)." },
      ],
      "no-restricted-properties": ["error", { object: "Date", property: "now", message: "Tests use a fixed clock, not Date.now()." }],
    },
  },
);
