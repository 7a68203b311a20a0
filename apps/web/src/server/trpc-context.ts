import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { childLogger, type Context } from "@loadline/api";
import { env } from "@/env";
import { clientAddress } from "@loadline/auth/client-address";
import { getDb } from "./db";
import { getMailer, publicUrl } from "./mailer";
import { currentOperator } from "./operator";
import { currentActor } from "./session";
import { PAGE_VIEW_HEADER, pageViewIdFrom } from "@/trpc/page-view";

/**
 * One context per request: the database, the actor after the server-side session check (see
 * `currentActor`), the request's time, the client's address (for throttling) and the id a
 * generic error answer refers to (the server log line carries the same id).
 */
export async function createContext(requestId: string = randomUUID(), pageViewId?: string): Promise<Context> {
  const [db, actor, requestHeaders, operator] = await Promise.all([getDb(), currentActor(), headers(), currentOperator()]);
  // Every line this request logs names it, and who made it (ids only).
  const log = childLogger({ requestId, userId: actor?.userId, organisationId: actor?.organisationId });
  return {
    db,
    actor,
    now: new Date(),
    requestId,
    log,
    clientAddress: clientAddress(requestHeaders, env.LOADLINE_TRUSTED_PROXY),
    // A server render names its own page view; a browser request names the one it belongs to.
    pageViewId: pageViewId ?? pageViewIdFrom(requestHeaders.get(PAGE_VIEW_HEADER)),
    instance: { openSignup: env.LOADLINE_OPEN_SIGNUP, publicUrl },
    mailer: getMailer(),
    operator,
  };
}
