import js from "@eslint/js";
import tseslint from "typescript-eslint";

const noAsAny = { selector: "TSAsExpression > TSAnyKeyword", message: "No `as any` escapes." };

/** Shared flat config: strict, type-checked TypeScript, no `any` escapes. */
export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/.next/**", "**/.next-*/**", "**/dist/**", "**/coverage/**", "**/drizzle/**", "**/*.config.*", "**/next-env.d.ts", "**/playwright-report/**", "**/test-results/**", "**/.auth/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    // Each package lints from its own directory; the project service finds the tsconfig that
    // includes each file, so the rules see the same types as `tsc`.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: process.cwd() } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": ["error", noAsAny],
      // JSX handlers may return a promise (react-hook-form's handleSubmit does); React ignores the
      // value either way, and a rejection is no more handled by a `void` wrapper.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // Numbers and booleans in messages are fine; objects, nullish values and `never` are not.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true, allowAny: false, allowNullish: false, allowRegExp: false, allowNever: false }],
    },
  },
  {
    // Plain JavaScript (the service worker, scripts) is in no tsconfig, so it has no types to check.
    files: ["**/*.{js,mjs,cjs}"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Settings are read and validated in one env module per package (env.ts or env/, or *-env.ts
    // for a script's own), so every variable is documented once and a bad value fails at
    // start. Tests set up their own environment. Next's NEXT_RUNTIME switch stays in
    // src/instrumentation.ts: only there does the build drop the Node-only import from the edge bundle.
    files: ["**/*.{ts,tsx}"],
    ignores: ["**/env.ts", "**/env/*.ts", "**/*-env.ts", "src/instrumentation.ts", "test/**", "tests/**", "**/*.test.{ts,tsx}", "**/*.spec.{ts,tsx}"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings through the package's env module (env.ts), validated with zod." }],
    },
  },
  {
    // Test fakes implement async interfaces with plain async arrows, and Vitest's asymmetric
    // matchers (expect.stringContaining and friends) are typed `any` by design.
    files: ["test/**/*.{ts,tsx}", "tests/**/*.{ts,tsx}", "**/*.test.{ts,tsx}", "**/*.spec.{ts,tsx}"],
    rules: {
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
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
