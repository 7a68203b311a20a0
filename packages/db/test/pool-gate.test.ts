import type postgres from "postgres";
import { afterEach, describe, expect, it, vi } from "vitest";
import { databaseFailureOf } from "../src/errors";
import { gatePool, PoolTimeoutError, PREPARED_PARAMETER_LIMIT } from "../src/pool-gate";

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

/** A driver stand-in that records whether each statement was sent to be prepared. */
function recordingClient() {
  const prepared: [string, boolean | undefined][] = [];
  const unsafe = (query: string, _parameters?: unknown[], options?: { prepare?: boolean }) => {
    prepared.push([query, options?.prepare]);
    return Promise.resolve([]);
  };
  const transaction = { unsafe, savepoint: (fn: (sql: unknown) => unknown) => Promise.resolve(fn(transaction)) };
  const client = { unsafe, begin: (fn: (sql: unknown) => unknown) => Promise.resolve(fn(transaction)) };
  return { client: client as unknown as postgres.Sql, prepared };
}

type Sent = { unsafe: (query: string, parameters?: unknown[], options?: { prepare?: boolean }) => Promise<unknown> };

describe("prepared statements", () => {
  const params = (n: number) => Array.from({ length: n }, (_, i) => i);

  it("prepares statements of 1 to the limit's parameters, on the pool, in transactions and their savepoints", async () => {
    const { client, prepared } = recordingClient();
    const { client: gated } = gatePool(client, { size: 2, acquireMs: 5_000, prepare: true });
    const sent = gated as unknown as Sent & { begin: (fn: (tx: Sent & { savepoint: (fn: (sp: Sent) => unknown) => Promise<unknown> }) => unknown) => Promise<unknown> };
    await sent.unsafe("one", params(1), { prepare: false });
    await sent.unsafe("none", [], { prepare: false });
    await sent.unsafe("many", params(PREPARED_PARAMETER_LIMIT + 1), { prepare: false });
    await sent.unsafe("asked", params(PREPARED_PARAMETER_LIMIT + 1), { prepare: true });
    await sent.begin(async (tx) => {
      await tx.unsafe("in transaction", params(PREPARED_PARAMETER_LIMIT), { prepare: false });
      await tx.savepoint(async (sp) => sp.unsafe("in savepoint", params(3)));
    });
    expect(prepared).toEqual([
      ["one", true],
      ["none", false],
      ["many", false],
      ["asked", true],
      ["in transaction", true],
      ["in savepoint", true],
    ]);
  });

  it("leaves every statement as the caller sent it when turned off", async () => {
    const { client, prepared } = recordingClient();
    const { client: gated } = gatePool(client, { size: 2, acquireMs: 5_000, prepare: false });
    const sent = gated as unknown as Sent & { begin: (fn: (tx: Sent) => unknown) => Promise<unknown> };
    await sent.unsafe("one", params(1), { prepare: false });
    await sent.begin(async (tx) => tx.unsafe("in transaction", params(2), { prepare: false }));
    expect(prepared).toEqual([
      ["one", false],
      ["in transaction", false],
    ]);
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
