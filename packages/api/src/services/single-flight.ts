/**
 * Single flight: while a read for `key` is running in this process, callers asking for the same
 * key wait for that read instead of starting their own. Twenty coaches opening the same squad
 * board at once then cost one database read and one serialisable result, not twenty. Only for
 * reads whose answer is the same for every caller allowed to ask (the key must hold everything
 * the answer depends on, the organisation first); a caller that joins gets an answer at most
 * one read old. Nothing is kept once the read settles: this is not a cache.
 */
const inFlight = new Map<string, Promise<unknown>>();

export function singleFlight<T>(key: string, read: () => Promise<T>): Promise<T> {
  const running = inFlight.get(key);
  if (running) return running as Promise<T>;
  const started = read().finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}
