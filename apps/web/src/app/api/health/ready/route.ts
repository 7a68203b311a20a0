import { readiness } from "@loadline/api";
import { getDb } from "@/server/db";

// Whether this replica should get traffic: database, schema version and job queue (see
// `readiness`). 503 while not ready, so a load balancer or Kubernetes holds traffic back.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const result = await readiness(getDb);
  return Response.json(result, {
    status: result.status === "ready" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
