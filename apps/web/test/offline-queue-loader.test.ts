import { describe, expect, it } from "vitest";
import { loadQueue } from "../src/components/offline-queue";

type QueueModule = Awaited<ReturnType<typeof loadQueue>>;

describe("the offline queue's code", () => {
  it("is fetched again after a failed fetch (offline before the worker kept it), then kept", async () => {
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(new TypeError("Failed to fetch dynamically imported module"));
    };
    const module = { marker: "queue" } as unknown as QueueModule;
    const working = () => {
      calls += 1;
      return Promise.resolve(module);
    };
    await expect(loadQueue(failing)).rejects.toThrow("Failed to fetch");
    // The failure was not kept: the next call fetches again, and its module is kept.
    await expect(loadQueue(working)).resolves.toBe(module);
    await expect(loadQueue(failing)).resolves.toBe(module);
    expect(calls).toBe(2);
  });
});
