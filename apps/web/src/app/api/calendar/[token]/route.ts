import { calendarFeedForToken } from "@loadline/api";
import { getDb } from "@/server/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * A private calendar feed: calendar apps fetch it without a session, so the URL's token is the
 * credential (only its hash is stored; revoking it on the calendar page ends the feed).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const feed = await calendarFeedForToken(await getDb(), token.replace(/\.ics$/, ""), new Date());
  if (feed === null) return new Response("No such calendar.", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(feed, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="loadline.ics"',
      "Cache-Control": "no-store",
    },
  });
}
