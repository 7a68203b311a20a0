import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests of the web app's framework-free modules (headers, redirects) and of small client
// components rendered to a string; pages are covered by e2e. Next wants `jsx: "preserve"` in
// tsconfig (it compiles JSX itself), so the tests compile it here with React's automatic runtime.
// `@/` resolves as in tsconfig's paths.
export default defineConfig({
  oxc: { jsx: { runtime: "automatic" } },
  resolve: { alias: { "@/": fileURLToPath(new URL("./src/", import.meta.url)) } },
  test: { include: ["test/**/*.test.{ts,tsx}"] },
});
