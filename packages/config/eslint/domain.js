import base from "./base.js";

/**
 * packages/domain is pure: no framework, no database, no I/O, no clock.
 * The forbidden list mirrors docs/architecture.md's dependency direction.
 */
const forbidden = [
  "next", "next/*", "react", "react/*", "react-dom", "react-dom/*",
  "drizzle-orm", "drizzle-orm/*", "@trpc/*", "next-auth", "next-auth/*", "@auth/*",
  "postgres", "@electric-sql/*", "fs", "fs/*", "node:*", "http", "https", "net", "child_process", "path",
  "@loadline/db", "@loadline/api", "@loadline/auth", "@loadline/ui",
];

export default [
  ...base,
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: forbidden, message: "packages/domain must stay pure (zod only, no I/O)." }] }],
      "no-restricted-globals": ["error", { name: "fetch", message: "No I/O in the domain." }, { name: "process", message: "No environment access in the domain." }],
      "no-restricted-properties": ["error", { object: "Date", property: "now", message: "Time is passed in, never read from the clock." }],
    },
  },
];
