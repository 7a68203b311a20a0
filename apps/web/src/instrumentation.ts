// Next.js runs this once per server process at start. Tracing stays off (nothing loaded) unless
// OTEL_EXPORTER_OTLP_ENDPOINT is set; see packages/api/src/telemetry.ts.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.OTEL_EXPORTER_OTLP_ENDPOINT) return;
  const { startTelemetry } = await import("@loadline/api");
  await startTelemetry("loadline-web");
}
