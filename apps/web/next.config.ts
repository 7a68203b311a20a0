import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A separate build folder lets several builds (e.g. parallel e2e runs) share one checkout.
  distDir: process.env.LOADLINE_NEXT_DIST_DIR ?? ".next",
  // Workspace packages ship TypeScript source.
  transpilePackages: ["@loadline/api", "@loadline/auth", "@loadline/db", "@loadline/domain", "@loadline/ui", "@loadline/run-import"],
  // PGlite loads its WASM and data files from its own package folder at run time.
  // pg-boss is CommonJS with dynamic requires; it runs from node_modules like the drivers.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
