import type postgres from "postgres";
import { afterEach, describe, expect, it, vi } from "vitest";
import { databaseFailureOf } from "../src/errors";
import { gatePool, PoolTimeoutError } from "../src/pool-gate";

/** A driver stand-in whose transactions end only when the test says so. */
function fakeClient() {
  const pending: (() => void)[] = [];
  const client = {
    begin: (fn: () => Promise<unknown>) =>
      new Promise((resolve) => {
        pending.push(() => resolve(fn()));
      }),
  };
  return {
    client: client as unknown as postgres.Sql,
    finishOne: () => pending.shift()?.(),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the pool gate", () => {
  it("lets `size` transactions through, refuses a waiter after the acquire limit, and serves the next one once a permit frees", async () => {
    vi.useFakeTimers();
    const { client, finishOne } = fakeClient();
    const { client: gated, stats } = gatePool(client, {
      size: 2,
      acquireMs: 5_000,
    });
    const first = gated.begin(async () => "first");
    const second = gated.begin(async () => "second");
    const third = gated.begin(async () => "third");
    expect(stats()).toEqual({ size: 2, inUse: 2, waiting: 1 });
    const refused = expect(third).rejects.toBeInstanceOf(PoolTimeoutError);
    await vi.advanceTimersByTimeAsync(5_000);
    await refused;
    expect(stats()).toEqual({ size: 2, inUse: 2, waiting: 0 });

    const fourth = gated.begin(async () => "fourth");
    finishOne();
    await expect(first).resolves.toBe("first");
    // The freed permit went straight to the waiter.
    expect(stats()).toEqual({ size: 2, inUse: 2, waiting: 0 });
    finishOne();
    finishOne();
    await expect(second).resolves.toBe("second");
    await expect(fourth).resolves.toBe("fourth");
    expect(stats()).toEqual({ size: 2, inUse: 0, waiting: 0 });
  });

  it("releases the permit of a transaction that failed", async () => {
    const client = {
      begin: () => Promise.reject(new Error("boom")),
    } as unknown as postgres.Sql;
    const { client: gated, stats } = gatePool(client, {
      size: 1,
      acquireMs: 5_000,
    });
    await expect(gated.begin(async () => null)).rejects.toThrow("boom");
    expect(stats().inUse).toBe(0);
  });
});

describe("an unreachable database is classified as unavailable", () => {
  it.each([
    ["the pool gate's timeout", new PoolTimeoutError(5_000)],
    [
      "a refused connection",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), {
        code: "ECONNREFUSED",
      }),
    ],
    [
      "the driver's connect timeout",
      Object.assign(new Error("write CONNECT_TIMEOUT"), {
        code: "CONNECT_TIMEOUT",
      }),
    ],
    ["a server shutting down (57P01)", Object.assign(new Error("terminating connection"), { code: "57P01" })],
    [
      "a server starting up (57P03)",
      Object.assign(new Error("the database system is starting up"), {
        code: "57P03",
      }),
    ],
    [
      "the statement timeout (57014)",
      Object.assign(new Error("canceling statement due to statement timeout"), {
        code: "57014",
      }),
    ],
    [
      "a wrapped cause",
      new Error("Failed query: select 1", {
        cause: Object.assign(new Error("x"), { code: "CONNECTION_CLOSED" }),
      }),
    ],
  ])("%s", (_name, error) => {
    expect(databaseFailureOf(error)?.kind).toBe("unavailable");
  });

  it("but a unique violation is not", () => {
    expect(databaseFailureOf(Object.assign(new Error("dup"), { code: "23505" }))?.kind).toBe(
      "unique_violation",
    );
  });
});
