import { clearThrottles, readThrottles, recordThrottleFailure, type Database } from "@loadline/db";
import { DomainError, liveFailures, lockedMinutes, throttleDelayMs, throttleMessage } from "@loadline/domain";

/** The clock and the wait of one attempt: real in the app, injected in tests. */
export interface AttemptClock {
  now: Date;
  sleep: (ms: number) => Promise<void>;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Refused by the throttle: a `rate_limited` DomainError that also says for how long. */
export class LockedOut extends DomainError {
  readonly minutes: number;
  constructor(minutes: number) {
    super("rate_limited", throttleMessage(minutes));
    this.minutes = minutes;
  }
}

/** Throttle keys: per account (an email) and per client address, when known. */
export function throttleKeys(parts: { account?: string | null; address?: string | null }): { account: string | null; all: string[] } {
  const account = parts.account ? `account:${parts.account.toLowerCase()}` : null;
  const address = parts.address ? `address:${parts.address}` : null;
  return { account, all: [account, address].filter((key): key is string => key !== null) };
}

/**
 * Run one attempt at a guessable credential under the throttle:
 * - while any key is locked, refuse at once with "Too many attempts. Try again in N minutes."
 *   (a `rate_limited` DomainError), without looking at the credential;
 * - after 5 recent failures on any key, wait the progressive delay first;
 * - a DomainError thrown by the attempt is a failure: counted on every key, then re-thrown;
 * - on success the `clearOnSuccess` keys are forgotten (an account's own count, not the address's).
 */
export async function throttledAttempt<T>(
  db: Database,
  keys: { all: string[]; clearOnSuccess?: string[] },
  clock: AttemptClock,
  attempt: () => Promise<T>,
): Promise<T> {
  const states = await readThrottles(db, keys.all);
  let failures = 0;
  for (const key of keys.all) {
    const state = states.get(key);
    const minutes = lockedMinutes(state, clock.now);
    if (minutes !== null) throw new LockedOut(minutes);
    failures = Math.max(failures, liveFailures(state, clock.now));
  }
  const delay = throttleDelayMs(failures);
  if (delay > 0) await clock.sleep(delay);
  try {
    const result = await attempt();
    if (keys.clearOnSuccess?.length) await clearThrottles(db, keys.clearOnSuccess);
    return result;
  } catch (error) {
    if (error instanceof DomainError) await recordThrottleFailure(db, keys.all, clock.now);
    throw error;
  }
}

/** The Auth.js error code of a sign-in refused by the throttle ("throttled:<minutes>"). */
export function throttledCode(minutes: number): string {
  return `throttled:${minutes}`;
}

/** The minutes of a throttled sign-in's code, or null for any other code. */
export function throttledMinutes(code: string | undefined): number | null {
  const match = /^throttled:(\d+)$/.exec(code ?? "");
  return match ? Number(match[1]) : null;
}
