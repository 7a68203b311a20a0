/**
 * Whether the device's offline queue may hold entries, kept beside it in localStorage so an
 * athlete page opens the queue (IndexedDB and its code) only when there is something in it, or
 * the browser is offline: most page loads have nothing waiting and carry none of it.
 *
 * The marker is set before an entry is stored and cleared only after the store was read empty,
 * so it errs towards opening the queue. Storage that cannot be read (a blocked localStorage)
 * answers "maybe": the queue is then opened on every page, as before.
 */
export const QUEUE_MARKER_KEY = "loadline:offline-queue";

type MarkerStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

function storage(): MarkerStorage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function queueMayHaveEntries(store: MarkerStorage | null = storage()): boolean {
  if (!store) return true;
  try {
    return store.getItem(QUEUE_MARKER_KEY) !== null;
  } catch {
    return true;
  }
}

export function markQueue(hasEntries: boolean, store: MarkerStorage | null = storage()): void {
  try {
    if (hasEntries) store?.setItem(QUEUE_MARKER_KEY, "1");
    else store?.removeItem(QUEUE_MARKER_KEY);
  } catch {
    // Not kept: the next page opens the queue anyway (see queueMayHaveEntries).
  }
}
