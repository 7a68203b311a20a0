// Next.js runs this once per server process at start, in each runtime; NEXT_RUNTIME (set by
// Next, read before anything loads) keeps the Node SDK out of the edge runtime. Tracing stays off
// unless OTEL_EXPORTER_OTLP_ENDPOINT is set: `startTelemetry` checks (packages/api/src/telemetry.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startTelemetry } = await import("@loadline/api/telemetry");
  await startTelemetry("loadline-web");
}
