import { realSleep, throttledAttempt, throttleKeys } from "@loadline/auth/throttle";
import type { Context } from "../context";

/**
 * Run a public attempt at a link token (invite acceptance, password reset) under the sign-in
 * throttle, keyed by the client's address: unknown or used tokens count as failures (the attempt
 * throws a DomainError), and a locked address gets "Too many attempts. Try again in N minutes.".
 * Without a known address (no trusted proxy) the 256-bit tokens are the only defence.
 */
export function throttledTokenAttempt<T>(ctx: Context, attempt: () => Promise<T>): Promise<T> {
  const keys = throttleKeys({ address: ctx.clientAddress ?? null });
  return throttledAttempt(ctx.db, keys, { now: ctx.now, sleep: ctx.sleep ?? realSleep }, attempt);
}
