// Next.js runs this once per server process at start, in each runtime; NEXT_RUNTIME (set by
// Next, read before anything loads) keeps the Node SDK out of the edge runtime. It is read here,
// not in an env module: Next inlines it per bundle and drops the import below only when the test
// is in this file (read from another module, the edge bundle grew from 0.1 MB to 20 MB). Tracing
// stays off unless OTEL_EXPORTER_OTLP_ENDPOINT is set: `startTelemetry` checks
// (packages/api/src/telemetry.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startTelemetry } = await import("@loadline/api/telemetry");
  await startTelemetry("loadline-web");
}
