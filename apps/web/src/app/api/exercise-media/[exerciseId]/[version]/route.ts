import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { createCaller } from "@loadline/api";
import { createContext } from "@/server/trpc-context";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * A library exercise's image, for members of the exercise's club only (the procedure decides;
 * another club's id is NOT_FOUND). Never public and never in a shared cache: the answer is
 * private, not stored, and typed from the bytes checked at upload, with sniffing off.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ exerciseId: string; version: string }> }) {
  const { exerciseId, version } = await params;
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  try {
    const caller = createCaller(await createContext(randomUUID()));
    const image = await caller.exercises.image({ exerciseId, version: Number(version) });
    return new Response(new Uint8Array(image.bytes), {
      headers: { ...headers, "Content-Type": image.contentType, "Content-Disposition": "inline", "Content-Security-Policy": "default-src 'none'; sandbox" },
    });
  } catch (error) {
    if (error instanceof TRPCError) {
      return new Response(error.message, { status: getHTTPStatusCodeFromError(error), headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
