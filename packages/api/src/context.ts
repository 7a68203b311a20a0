import type { Database } from "@loadline/db";
import type { Actor } from "@loadline/domain";
import type { Logger } from "./logger";

/**
 * What every procedure sees. The web app builds it from the Auth.js session; tests pass
 * their own database and actor to `createCaller`.
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
}
