import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
      "no-restricted-syntax": ["error", { selector: "TSAsExpression > TSAnyKeyword", message: "No `as any` escapes." }],
    },
  },
);
