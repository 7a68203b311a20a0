import { isNodeRuntime } from "./runtime-env";

// Next.js runs this once per server process at start, in each runtime; only the Node.js runtime
// loads the tracing SDK. Tracing stays off unless OTEL_EXPORTER_OTLP_ENDPOINT is set:
// `startTelemetry` checks (packages/api/src/telemetry.ts).
export async function register(): Promise<void> {
  if (!isNodeRuntime) return;
  const { startTelemetry } = await import("@loadline/api/telemetry");
  await startTelemetry("loadline-web");
}
