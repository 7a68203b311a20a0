import type { NextRequest } from "next/server";
import { download } from "@/server/download";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Caller = Parameters<Parameters<typeof download>[1]>[0];

/** `?squad=<id>&squad=<id>`: those squads; none means every squad. */
const squadsOf = (params: URLSearchParams) => {
  const ids = params.getAll("squad");
  return ids.length > 0 ? ids : undefined;
};

/** Each CSV download and the procedure behind it (which authorizes, and audits clinical ones). */
const exports: Record<string, (caller: Caller, params: URLSearchParams) => Promise<{ filename: string; csv: string }>> = {
  roster: (caller) => caller.exports.roster(),
  board: (caller, params) => caller.exports.board({ squadIds: squadsOf(params) }),
  "squad-load": (caller, params) => caller.exports.squadLoad({ squadIds: squadsOf(params), weeks: Number(params.get("weeks") ?? 12) }),
  record: (caller, params) => caller.exports.athleteRecord({ athleteId: params.get("athleteId") ?? "" }),
  "my-sessions": (caller) => caller.exports.myLogs({ kind: "sessions" }),
  "my-check-ins": (caller) => caller.exports.myLogs({ kind: "check-ins" }),
};

export async function GET(request: NextRequest, { params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  const produce = exports[kind];
  if (!produce) return new Response("No such export.", { status: 404, headers: { "Cache-Control": "no-store" } });
  return download(request, async (caller) => {
    const file = await produce(caller, request.nextUrl.searchParams);
    // A byte-order mark so spreadsheet programs read the file as UTF-8 (names with accents).
    return { body: `\uFEFF${file.csv}`, filename: file.filename, contentType: "text/csv; charset=utf-8" };
  });
}
