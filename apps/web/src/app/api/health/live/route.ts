// The process is up and its event loop answers; nothing else is asked, so a database outage
// never makes an orchestrator restart healthy replicas.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json(
    { status: "live", uptimeSeconds: Math.round(process.uptime()) },
    { headers: { "cache-control": "no-store" } },
  );
}
