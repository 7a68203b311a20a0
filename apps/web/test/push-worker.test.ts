import { readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

/**
 * The push-only service worker (public/push-sw.js), run in a sandbox with a stand-in for the
 * worker's `self`: a push message becomes a notification, and a click opens the message's page.
 */
type Listener = (event: Record<string, unknown>) => void;

function loadWorker(windows: { url: string; focus: () => string }[] = []) {
  const listeners = new Map<string, Listener>();
  const shown: { title: string; options: { body: string; data: { path: string } } }[] = [];
  const opened: string[] = [];
  const self = {
    location: { origin: "https://loadline.test" },
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: () => undefined,
    registration: { showNotification: (title: string, options: { body: string; data: { path: string } }) => shown.push({ title, options }) },
    clients: {
      claim: () => Promise.resolve(),
      matchAll: () => Promise.resolve(windows),
      openWindow: (url: string) => opened.push(url),
    },
  };
  runInNewContext(readFileSync(path.join(import.meta.dirname, "../public/push-sw.js"), "utf8"), { self, URL });
  const dispatch = async (type: string, event: Record<string, unknown>) => {
    const pending: Promise<unknown>[] = [];
    listeners.get(type)!({ ...event, waitUntil: (p: Promise<unknown>) => pending.push(Promise.resolve(p)) });
    await Promise.all(pending);
  };
  return { dispatch, shown, opened };
}

const pushEvent = (data: unknown) => ({ data: { json: () => (typeof data === "string" ? (JSON.parse(data) as unknown) : data) } });

describe("push worker", () => {
  it("shows the message's title and body, and a click opens its page", async () => {
    const worker = loadWorker();
    await worker.dispatch("push", pushEvent({ title: "New mention in Loadline", body: "A colleague mentioned you in a note.", path: "/coach/athletes/a1" }));
    expect(worker.shown).toEqual([
      { title: "New mention in Loadline", options: { body: "A colleague mentioned you in a note.", icon: "/icon-192.png", data: { path: "/coach/athletes/a1" } } },
    ]);
    await worker.dispatch("notificationclick", { notification: { close: () => undefined, data: worker.shown[0]!.options.data } });
    expect(worker.opened).toEqual(["https://loadline.test/coach/athletes/a1"]);
  });

  it("focuses the page when it is already open instead of opening another", async () => {
    const focused: string[] = [];
    const worker = loadWorker([{ url: "https://loadline.test/physio/athletes/a2", focus: () => String(focused.push("a2")) }]);
    await worker.dispatch("notificationclick", { notification: { close: () => undefined, data: { path: "/physio/athletes/a2" } } });
    expect(focused).toEqual(["a2"]);
    expect(worker.opened).toEqual([]);
  });

  it("opens only pages of the app, and shows a generic notification for a message it cannot read", async () => {
    const worker = loadWorker();
    await worker.dispatch("push", pushEvent({ title: "Hi", body: "x", path: "//evil.test/phish" }));
    await worker.dispatch("push", pushEvent("not json {"));
    expect(worker.shown.map((s) => [s.title, s.options.data.path])).toEqual([
      ["Hi", "/"],
      ["Loadline", "/"],
    ]);
  });
});
