import path from "node:path";
import type { NextConfig } from "next";
import { apiSecurityHeaders, staticSecurityHeaders } from "./src/server/security-headers";

const nextConfig: NextConfig = {
  // The container image (Dockerfile) runs the standalone server: only the files it needs,
  // traced from the monorepo root so workspace packages are included.
  ...(process.env.LOADLINE_STANDALONE === "true" ? { output: "standalone" as const, outputFileTracingRoot: path.resolve(import.meta.dirname, "../..") } : {}),
  // A separate build folder lets several builds (e.g. parallel e2e runs) share one checkout.
  distDir: process.env.LOADLINE_NEXT_DIST_DIR ?? ".next",
  // Workspace packages ship TypeScript source.
  transpilePackages: ["@loadline/api", "@loadline/auth", "@loadline/db", "@loadline/domain", "@loadline/ui", "@loadline/run-import"],
  // PGlite loads its WASM and data files from its own package folder at run time.
  // pg-boss is CommonJS with dynamic requires; it runs from node_modules like the drivers.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pg-boss", "pino", "pino-pretty", "prom-client", "@opentelemetry/sdk-trace-node", "@opentelemetry/exporter-trace-otlp-http", "@opentelemetry/resources"],
  poweredByHeader: false,
  typedRoutes: false,
  // proxy.ts sets every security header on pages and API routes but does not run for Next's
  // static files nor for the tRPC endpoint; those get the headers that do not depend on the
  // request here.
  async headers() {
    const asList = (headers: Readonly<Record<string, string>>) => Object.entries(headers).map(([key, value]) => ({ key, value }));
    return [
      { source: "/_next/static/:path*", headers: asList(staticSecurityHeaders) },
      { source: "/api/trpc/:path*", headers: asList(apiSecurityHeaders) },
    ];
  },
};

export default nextConfig;
