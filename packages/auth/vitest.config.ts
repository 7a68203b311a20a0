import { defineConfig } from "vitest/config";
import { unitTimeouts } from "@loadline/config/vitest/timeouts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    ...unitTimeouts,
    // next-auth imports "next/server" without an extension, which Node's ESM loader cannot
    // resolve outside Next: let Vitest load next-auth itself so the alias below applies.
    server: { deps: { inline: ["next-auth"] } },
  },
  resolve: { alias: { "next/server": "next/server.js" } },
});
