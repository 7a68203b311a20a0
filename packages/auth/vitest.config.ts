import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // next-auth imports "next/server" without an extension, which Node's ESM loader cannot
    // resolve outside Next: let Vitest load next-auth itself so the alias below applies.
    server: { deps: { inline: ["next-auth"] } },
  },
  resolve: { alias: { "next/server": "next/server.js" } },
});
