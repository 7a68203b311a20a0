import { actorForSession } from "@loadline/auth/session-check";
import type { Database } from "@loadline/db";
import type { Actor } from "@loadline/domain";
import type { Mailer } from "./email/mailer";
import type { Logger } from "./logger";
import type { PushSender } from "./push/push-sender";
import type { MediaStore } from "./storage/media-store";

/**
 * What every procedure sees. The web app builds it with `createRequestContext` from the Auth.js
 * session; tests pass their own database and actor to `createCaller`, or build it the real way.
 */
export interface Context {
  db: Database;
  /** The signed-in user, or null. The organisation always comes from here, never from input. */
  actor: Actor | null;
  /** The request's time: one clock reading per request, injectable in tests. */
  now: Date;
  /** Ties a generic 500 answer to its server log line; one is made up when absent. */
  requestId?: string;
  /** Where error details go (JSON lines on stderr by default); tests pass a collector. */
  log?: Logger;
  /** The client's address for sign-in throttling (see `clientAddress` in @loadline/auth), when known. */
  clientAddress?: string | null;
  /** How throttled attempts wait (sign-in, invite, reset); a real timer unless a test injects one. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * The page view a request belongs to (made by the server render, sent by the browser with the
   * page's reads), so the audit log records one read per page view, not one per refetch.
   */
  pageViewId?: string | null;
  /** The key that seals TOTP secrets; derived from AUTH_SECRET unless a test injects one. */
  secondFactorKey?: Buffer;
  /**
   * An instance operator (their own signed cookie, checked against the database), or null. An
   * operator is never an actor: they belong to no club and reach only the operator procedures.
   */
  operator?: { operatorId: string } | null;
  /** Sends invites and links by email when the instance has SMTP set up (SMTP_URL); else links are only shown. */
  mailer?: Mailer | null;
  /** Instance settings the app was started with (the web app reads them from its env). */
  instance?: InstanceSettings;
  /** Where uploaded media is kept; the store the environment configures unless a test injects one. */
  media?: MediaStore;
  /** Web Push settings (VAPID keys); the environment's unless a test injects them, null when push is off. */
  push?: PushSender | null;
  /**
   * Work to run once the procedure's transaction has committed (a push or an email must not go
   * out for a write that then rolls back, and a slow mail server must not hold the write's
   * locks). Set by the tenant scope; tasks get the database outside the transaction and their
   * errors are logged. The answer waits for `awaited` tasks (an email the tests and the user
   * expect to have gone when the answer comes), never for the others (a push).
   */
  afterCommit?: (task: (db: Database) => Promise<void>, options?: { awaited?: boolean }) => void;
}

export interface InstanceSettings {
  /** LOADLINE_OPEN_SIGNUP: anyone may create a new club from the set-up page (off by default). */
  openSignup: boolean;
  /** The instance's public address (LOADLINE_PUBLIC_URL or AUTH_URL), for links in emails. */
  publicUrl?: string | null;
}

/**
 * The context of a real request: the session's token claims are checked against the user's row
 * (one query: active, same session version, within 7 days of sign-in), and only a session that
 * passes becomes the actor. Anything else is an anonymous caller, refused by every protected
 * procedure with UNAUTHORIZED.
 */
export async function createRequestContext(input: {
  db: Database;
  session: { user?: unknown } | null | undefined;
  now: Date;
  clientAddress?: string | null;
  instance?: InstanceSettings;
  operator?: { operatorId: string } | null;
}): Promise<Context> {
  const actor = await actorForSession(input.db, input.session, input.now);
  return {
    db: input.db,
    actor,
    now: input.now,
    clientAddress: input.clientAddress ?? null,
    ...(input.instance ? { instance: input.instance } : {}),
    operator: input.operator ?? null,
  };
}
