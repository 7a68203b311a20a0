import "server-only";
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { createCaller } from "@loadline/api";
import { isCrossSiteRequest } from "@loadline/api/http";
import { createContext } from "./trpc-context";

type Caller = ReturnType<typeof createCaller>;

/**
 * A file download backed by a procedure: the procedure authorizes, audits and answers (already
 * mapped to a safe message by the API), this turns it into an attachment or a plain-text refusal.
 * Downloads are never cached: they carry personal data. Another site's page cannot start one
 * with the user's cookies (each download is audited, so it is a write of sorts).
 */
export async function download(
  request: Request,
  produce: (caller: Caller) => Promise<{ body: Uint8Array | string; filename: string; contentType: string }>,
): Promise<Response> {
  const requestId = randomUUID();
  if (isCrossSiteRequest(request.headers, request.url)) {
    return new Response("Start downloads from Loadline's own pages.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  try {
    const file = await produce(createCaller(await createContext(requestId)));
    return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename.replace(/[^\w.-]+/g, "-")}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) {
      return new Response(error.message, { status: getHTTPStatusCodeFromError(error), headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    }
    throw error;
  }
}

/** A file name part from a person's name: letters, digits and dashes. */
export function fileSlug(text: string): string {
  return text.normalize("NFKD").replace(/[^\w]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "athlete";
}
