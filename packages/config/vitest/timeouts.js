/**
 * Timeouts for tests without a database. Vitest's 5 s default failed property tests on a
 * loaded 2-core machine (6-7 s each at load average 13-17, 0.2-0.4 s quiet). A test here
 * fails on a wrong answer, never because the machine is busy.
 */
export const unitTimeouts = { testTimeout: 60_000, hookTimeout: 60_000 };
