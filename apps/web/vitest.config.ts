import { defineConfig } from "vitest/config";

// Unit tests of the web app's framework-free modules (headers, redirects); pages are covered by e2e.
export default defineConfig({ test: { include: ["test/**/*.test.ts"] } });
