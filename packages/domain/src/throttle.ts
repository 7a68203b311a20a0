/**
 * Throttling of guessable credentials: sign-in, invite acceptance and password reset.
 * Failures are counted per key (an account's email, a client address). The counts live in the
 * database, so the limits hold across app replicas; these are the rules applied to them.
 */
export const THROTTLE_FREE_FAILURES = 5;
export const THROTTLE_LOCK_FAILURES = 10;
export const THROTTLE_LOCK_MINUTES = 15;
/** Failures are forgotten this long after the last one. */
export const THROTTLE_WINDOW_MINUTES = 15;
export const THROTTLE_MAX_DELAY_MS = 8_000;

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

const MINUTE_MS = 60_000;

/** Failures that still count at `now` (zero once the window since the last failure has passed). */
export function liveFailures(state: ThrottleState | undefined, now: Date): number {
  if (!state) return 0;
  return now.getTime() - state.lastFailureAt.getTime() >= THROTTLE_WINDOW_MINUTES * MINUTE_MS ? 0 : state.failures;
}

/**
 * The delay before answering the next attempt: none for the first 5 failures, then 1 s, 2 s, 4 s,
 * 8 s, 8 s... (the 10th failure locks instead).
 */
export function throttleDelayMs(failures: number): number {
  if (failures < THROTTLE_FREE_FAILURES) return 0;
  return Math.min(THROTTLE_MAX_DELAY_MS, 1_000 * 2 ** (failures - THROTTLE_FREE_FAILURES));
}

/** Whole minutes until the lock ends (at least 1), or null when not locked at `now`. */
export function lockedMinutes(state: ThrottleState | undefined, now: Date): number | null {
  if (!state?.lockedUntil || state.lockedUntil.getTime() <= now.getTime()) return null;
  return Math.max(1, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / MINUTE_MS));
}

/** The sentence a locked-out person reads. */
export function throttleMessage(minutes: number): string {
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
