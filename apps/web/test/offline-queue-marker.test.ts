import { describe, expect, it } from "vitest";
import { markQueue, QUEUE_MARKER_KEY, queueMayHaveEntries } from "../src/lib/offline-queue-marker";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe("the offline queue's marker (whether an athlete page opens the queue)", () => {
  it("is unset on a device that never queued, set once an entry is kept, cleared when the store was read empty", () => {
    const storage = memoryStorage();
    expect(queueMayHaveEntries(storage)).toBe(false);
    markQueue(true, storage);
    expect(storage.items.get(QUEUE_MARKER_KEY)).toBe("1");
    expect(queueMayHaveEntries(storage)).toBe(true);
    markQueue(false, storage);
    expect(queueMayHaveEntries(storage)).toBe(false);
  });

  it("answers maybe when storage cannot be read, so the queue is opened rather than forgotten", () => {
    const blocked = {
      getItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
      setItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
      removeItem: () => undefined,
    };
    expect(queueMayHaveEntries(blocked)).toBe(true);
    expect(queueMayHaveEntries(null)).toBe(true);
    expect(() => markQueue(true, blocked)).not.toThrow();
  });
});
