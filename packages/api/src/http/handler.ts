import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import type { TRPCError } from "@trpc/server";
import { databaseFailureOf } from "@loadline/db";
import { DomainError } from "@loadline/domain";
import type { Context } from "../context";
import { newRequestId, RETRY_AFTER_SECONDS } from "../errors";
import { childLogger } from "../logger";
import { appRouter } from "../root";
import { isCrossSiteRequest } from "./cross-site";
import { MAX_BATCH_SIZE, MAX_BODY_BYTES, readBodyWithin } from "./request-limits";

export interface ApiHandlerOptions {
  endpoint: string;
  createContext: (requestId: string) => Promise<Context>;
}

/** Whether tRPC's error (before formatting) is, or will be mapped to, a 503. */
function isUnavailable(error: TRPCError): boolean {
  if (error.code === "SERVICE_UNAVAILABLE") return true;
  return error.cause instanceof DomainError ? error.cause.kind === "unavailable" : databaseFailureOf(error.cause)?.kind === "unavailable";
}

/** API answers hold health data: no browser or proxy may keep a copy. */
const NO_STORE = { "cache-control": "no-store" };

/**
 * A refusal before tRPC runs, in tRPC's error shape (superjson-wrapped, one entry per call of
 * a batch) so the client shows the sentence like any other error.
 */
function refusal(request: Request, status: 403 | 413, code: "FORBIDDEN" | "PAYLOAD_TOO_LARGE", message: string, requestId: string): Response {
  const error = { error: superjson.serialize({ message, code: TRPC_ERROR_CODES_BY_KEY[code], data: { code, httpStatus: status, requestId } }) };
  const url = new URL(request.url);
  const calls = url.searchParams.get("batch") === "1" ? Math.max(1, url.pathname.split("/").pop()?.split(",").length ?? 1) : 0;
  const body = calls ? Array.from({ length: Math.min(calls, MAX_BATCH_SIZE) }, () => error) : error;
  return Response.json(body, { status, headers: NO_STORE });
}

/**
 * The tRPC endpoint with the request limits every deployment needs, in one place:
 * cross-site requests are refused (every procedure: writes, and reads that write an audit
 * entry), bodies are capped at 1 MB, batches at 10 calls, and no answer may be cached.
 */
export function createApiHandler(options: ApiHandlerOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const requestId = newRequestId();
    const started = performance.now();
    let context: Context | null = null;
    const url = new URL(request.url);
    if (isCrossSiteRequest(request.headers, request.url)) {
      return refusal(request, 403, "FORBIDDEN", "This request came from another site and was refused.", requestId);
    }
    let req = request;
    if (request.method !== "GET" && request.method !== "HEAD") {
      const body = await readBodyWithin(request, MAX_BODY_BYTES);
      if (body === null) return refusal(request, 413, "PAYLOAD_TOO_LARGE", "This request is too large.", requestId);
      req = new Request(request.url, { method: request.method, headers: request.headers, body });
    }
    const response = await fetchRequestHandler({
      endpoint: options.endpoint,
      req,
      router: appRouter,
      createContext: async () => (context = await options.createContext(requestId)),
      maxBatchSize: MAX_BATCH_SIZE,
      allowBatching: true,
      // A 503 (the database cannot be reached) tells clients and proxies when to come back; the
      // request id goes on every answer so a person's report finds its log lines.
      responseMeta: ({ errors }) => ({
        headers: {
          ...NO_STORE,
          "x-request-id": requestId,
          ...(errors.some(isUnavailable) ? { "retry-after": String(RETRY_AFTER_SECONDS) } : {}),
        },
      }),
    });
    // One line per request: who (ids only), which procedures, how it ended, how long it took.
    const actor = (context as Context | null)?.actor;
    childLogger({ requestId, userId: actor?.userId, organisationId: actor?.organisationId })({
      level: response.status >= 500 ? "warn" : "info",
      event: "request",
      method: request.method,
      procedures: url.pathname.slice(options.endpoint.length + 1).split(","),
      status: response.status,
      ms: Math.round(performance.now() - started),
    });
    return response;
  };
}
