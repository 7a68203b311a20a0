import { metricsAuthorized, metricsText } from "@loadline/api";
import { env } from "@/env";
import { getDbHandle } from "@/server/db";

// Prometheus scrapes this with `Authorization: Bearer $LOADLINE_METRICS_TOKEN`. Without a token
// configured the endpoint does not exist (404), so no deployment exposes it by accident.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  if (!env.LOADLINE_METRICS_TOKEN)
    return new Response("Not found", {
      status: 404,
      headers: { "cache-control": "no-store" },
    });
  if (!metricsAuthorized(request.headers.get("authorization"), env.LOADLINE_METRICS_TOKEN)) {
    return new Response("Unauthorized", {
      status: 401,
      headers: { "cache-control": "no-store", "www-authenticate": "Bearer" },
    });
  }
  const { contentType, body } = await metricsText(getDbHandle);
  return new Response(body, {
    headers: { "content-type": contentType, "cache-control": "no-store" },
  });
}
