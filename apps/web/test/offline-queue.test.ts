import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { classifySendError, createOfflineQueue, indexedDbQueueStore, waitingLabel, type QueuedLog, type SendFailure } from "../src/lib/offline-queue";
import { isAppAsset, isAthletePageRequest } from "../src/lib/offline-pages";

const t0 = new Date("2026-03-02T07:00:00Z");

/** A clock that moves one minute per reading, so queue order is the order of enqueueing. */
function steppingClock() {
  let minutes = 0;
  return () => new Date(t0.getTime() + 60_000 * minutes++);
}

/** A server that stores by idempotency key like the real one: a repeated key stores nothing new. */
function fakeServer() {
  const stored = new Map<string, QueuedLog>();
  const calls: string[] = [];
  let mode: "up" | "offline" | "signed-out" | { refuse: string } = "up";
  const send = async (entry: QueuedLog) => {
    calls.push(entry.key);
    if (mode === "offline") throw new TypeError("Failed to fetch");
    if (mode === "signed-out") throw Object.assign(new Error("Sign in"), { data: { httpStatus: 401 } });
    if (typeof mode === "object" && entry.key === mode.refuse) throw Object.assign(new Error("Pain during must be 0-10."), { data: { httpStatus: 400 } });
    if (!stored.has(entry.key)) stored.set(entry.key, entry);
  };
  return { stored, calls, send, set: (next: typeof mode) => (mode = next) };
}

let dbCounter = 0;
function setup() {
  const server = fakeServer();
  const store = indexedDbQueueStore(`test-queue-${++dbCounter}`);
  const queue = createOfflineQueue({ store, send: server.send, classify: classifySendError, now: steppingClock() });
  return { server, store, queue };
}

const session = (key: string, userId = "u1") => ({ key, kind: "session" as const, userId, input: { minutes: 30, rpe: 5, painDuring: 2, at: new Date("2026-03-02T06:30:00Z") } });

describe("offline queue", () => {
  it("keeps entries on the device while offline and sends each once when back, oldest first", async () => {
    const { server, queue } = setup();
    server.set("offline");
    await queue.enqueue(session("k1"));
    await queue.enqueue({ key: "k2", kind: "checkIn", userId: "u1", input: { morningPain: 1, redFlags: [] } });
    await queue.enqueue(session("k3"));
    expect(await queue.flush("u1")).toEqual({ sent: 0, stopped: "unreachable" });
    expect((await queue.status("u1")).waiting).toBe(3);

    server.set("up");
    expect(await queue.flush("u1")).toEqual({ sent: 3, stopped: null });
    expect((await queue.status("u1")).waiting).toBe(0);
    expect([...server.stored.keys()]).toEqual(["k1", "k2", "k3"]);
    // The offline attempt reached only the first entry; the second flush sent each entry once.
    expect(server.calls).toEqual(["k1", "k1", "k2", "k3"]);
  });

  it("stores what it was given: dates stay dates through IndexedDB", async () => {
    const { server, queue } = setup();
    await queue.enqueue(session("k1"));
    await queue.flush("u1");
    expect(server.stored.get("k1")?.input.at).toEqual(new Date("2026-03-02T06:30:00Z"));
  });

  it("sends the same key again after a lost answer, so the server stores it once", async () => {
    const { server, queue, store } = setup();
    await queue.enqueue(session("k1"));
    // The request reached the server but the answer was lost: the entry is still on the device.
    await server.send((await store.all())[0]!);
    expect(await queue.flush("u1")).toEqual({ sent: 1, stopped: null });
    expect(server.calls).toEqual(["k1", "k1"]);
    expect(server.stored.size).toBe(1);
  });

  it("does not queue a key twice", async () => {
    const { queue } = setup();
    await queue.enqueue(session("k1"));
    await queue.enqueue(session("k1"));
    expect((await queue.status("u1")).waiting).toBe(1);
  });

  it("runs one flush at a time: a second flush while one runs sends nothing twice", async () => {
    const { server, queue } = setup();
    await queue.enqueue(session("k1"));
    await queue.enqueue(session("k2"));
    const [a, b] = await Promise.all([queue.flush("u1"), queue.flush("u1")]);
    expect(a).toEqual(b);
    expect(server.calls).toEqual(["k1", "k2"]);
  });

  it("sends only the signed-in athlete's entries", async () => {
    const { server, queue } = setup();
    await queue.enqueue(session("mine", "u1"));
    await queue.enqueue(session("theirs", "u2"));
    await queue.flush("u1");
    expect([...server.stored.keys()]).toEqual(["mine"]);
    expect((await queue.status("u2")).waiting).toBe(1);
  });

  it("keeps everything when the session ended, and sends after signing in again", async () => {
    const { server, queue } = setup();
    await queue.enqueue(session("k1"));
    server.set("signed-out");
    expect(await queue.flush("u1")).toEqual({ sent: 0, stopped: "signed-out" });
    server.set("up");
    expect(await queue.flush("u1")).toEqual({ sent: 1, stopped: null });
  });

  it("sets aside an entry the server refuses, sends the rest, and drops it only when discarded", async () => {
    const { server, queue } = setup();
    await queue.enqueue(session("bad"));
    await queue.enqueue(session("good"));
    server.set({ refuse: "bad" });
    expect(await queue.flush("u1")).toEqual({ sent: 1, stopped: null });
    const status = await queue.status("u1");
    expect(status.waiting).toBe(0);
    expect(status.refused).toEqual([{ key: "bad", kind: "session", queuedAt: t0.toISOString(), message: "Pain during must be 0-10." }]);
    // A refused entry is not sent again by later flushes.
    await queue.flush("u1");
    expect(server.calls.filter((k) => k === "bad")).toHaveLength(1);
    await queue.discard("bad");
    expect((await queue.status("u1")).refused).toEqual([]);
  });

  it("survives a new queue object on the same database (a reload)", async () => {
    const name = `test-queue-reload-${++dbCounter}`;
    const server = fakeServer();
    const first = createOfflineQueue({ store: indexedDbQueueStore(name), send: server.send, classify: classifySendError, now: steppingClock() });
    await first.enqueue(session("k1"));
    const second = createOfflineQueue({ store: indexedDbQueueStore(name), send: server.send, classify: classifySendError });
    expect((await second.status("u1")).waiting).toBe(1);
  });

  it("tells listeners about every change", async () => {
    const { queue } = setup();
    let changes = 0;
    const unsubscribe = queue.subscribe(() => changes++);
    await queue.enqueue(session("k1"));
    await queue.flush("u1");
    unsubscribe();
    await queue.enqueue(session("k2"));
    expect(changes).toBe(2);
  });
});

describe("classifySendError", () => {
  const failure = (httpStatus?: number): SendFailure => classifySendError(Object.assign(new Error("Nope."), httpStatus ? { data: { httpStatus } } : {}));
  it("reads no answer and 5xx as try-later, 401 as signed out, other answers as refused", () => {
    expect(failure()).toEqual({ kind: "unreachable" });
    expect(failure(503)).toEqual({ kind: "unreachable" });
    expect(failure(429)).toEqual({ kind: "unreachable" });
    expect(failure(401)).toEqual({ kind: "signed-out" });
    expect(failure(400)).toEqual({ kind: "refused", message: "Nope." });
    expect(failure(409)).toEqual({ kind: "refused", message: "Nope." });
  });
});

describe("the indicator's words", () => {
  it("counts entries", () => {
    expect(waitingLabel(1)).toBe("1 entry waiting to send");
    expect(waitingLabel(3)).toBe("3 entries waiting to send");
  });
});

describe("what the service worker keeps", () => {
  const page = (path: string, headers: Record<string, string> = {}) => isAthletePageRequest(new URL(path, "https://club.example"), new Headers(headers));
  it("keeps athlete pages, not RSC requests, prefetches, the API or staff pages", () => {
    expect(page("/me")).toBe(true);
    expect(page("/me/log/check-in?edit=1")).toBe(true);
    expect(page("/me/log", { RSC: "1" })).toBe(false);
    expect(page("/me/log?_rsc=abc")).toBe(false);
    expect(page("/me/log", { "Next-Router-Prefetch": "1" })).toBe(false);
    expect(page("/api/trpc/checkIns.list")).toBe(false);
    expect(page("/coach")).toBe(false);
    expect(page("/meeting")).toBe(false);
  });
  it("keeps the app's manifest and icons", () => {
    expect(isAppAsset("/manifest.webmanifest")).toBe(true);
    expect(isAppAsset("/icons/192.png")).toBe(true);
    expect(isAppAsset("/api/exports/my-sessions")).toBe(false);
  });
});
