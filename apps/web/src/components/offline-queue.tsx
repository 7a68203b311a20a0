"use client";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { QueuedLogKind } from "@/lib/offline-queue";
import { OFFLINE_PAGES, OFFLINE_PAGES_WARMED } from "@/lib/offline-pages";
import { QUEUE_MARKER_KEY, queueMayHaveEntries } from "@/lib/offline-queue-marker";
import type * as LiveQueueModule from "./offline-queue-live";

interface OfflineLogs {
  /** Keeps a log on the device to be sent later under its idempotency key. */
  keep(kind: QueuedLogKind, idempotencyKey: string, input: object): Promise<void>;
}

const OfflineLogsContext = createContext<OfflineLogs | null>(null);

/** The athlete's offline queue, or null outside the athlete app (staff logging for an athlete never queue). */
export function useOfflineLogs(): OfflineLogs | null {
  return useContext(OfflineLogsContext);
}

/** Whether the browser says there is no connection (a send that fails says so too, see the forms). */
export function browserOffline(): boolean {
  return typeof navigator !== "undefined" && navigator.onLine === false;
}

/** The name of the queue's cross-tab channel and lock. */
export const QUEUE_CHANNEL = "loadline-offline-queue";

type QueueModule = typeof LiveQueueModule;
let queueModule: Promise<QueueModule> | null = null;

/**
 * The queue's code, fetched once. A fetch that fails (the connection went before the service
 * worker kept the app's files) is not remembered: the next call tries again. React's `lazy`
 * would keep the failure and throw it at every render, replacing the page with an error.
 */
export function loadQueue(load: () => Promise<QueueModule> = () => import("./offline-queue-live")): Promise<QueueModule> {
  queueModule ??= load().catch((error: unknown) => {
    queueModule = null;
    throw error;
  });
  return queueModule;
}

/** Where the waiting count is announced; always in the page, so screen readers hear it change. */
const quietStatus = <div role="status" data-testid="offline-queue" className="sr-only" />;

/**
 * The athlete app around every /me page: registers the service worker and keeps the offline
 * queue of logs made without a connection. The queue (its IndexedDB store, the sending, the
 * waiting entries above the page) is loaded only when it may hold entries (a marker beside it,
 * `queueMayHaveEntries`), when the browser is or goes offline, or when a form keeps an entry:
 * most loads of Today have nothing waiting and carry none of it.
 */
export function OfflineAthleteApp({ userId, children }: { userId: string; children: ReactNode }) {
  const [supported] = useState(() => typeof window !== "undefined" && "indexedDB" in window);
  const [live, setLive] = useState<{ offline: boolean } | null>(null);
  const [queue, setQueue] = useState<QueueModule | null>(null);

  useEffect(() => {
    if (!supported) return;
    const open = () => setLive((current) => current ?? { offline: browserOffline() });
    if (browserOffline() || queueMayHaveEntries()) queueMicrotask(open);
    // Another tab kept an entry.
    const stored = (event: StorageEvent) => {
      if (event.key === QUEUE_MARKER_KEY && event.newValue !== null) open();
    };
    window.addEventListener("offline", open);
    window.addEventListener("storage", stored);
    return () => {
      window.removeEventListener("offline", open);
      window.removeEventListener("storage", stored);
    };
  }, [supported]);

  // The queue's code, once it is wanted; if it cannot be fetched now (offline on a first visit),
  // again when the connection is back, so it is there for the next time it goes.
  useEffect(() => {
    if (!live || queue) return;
    let cancelled = false;
    const fetchQueue = () =>
      void loadQueue().then(
        (module) => {
          if (!cancelled) setQueue(module);
        },
        () => window.addEventListener("online", fetchQueue, { once: true }),
      );
    fetchQueue();
    return () => {
      cancelled = true;
      window.removeEventListener("online", fetchQueue);
    };
  }, [live, queue]);

  const logs = useMemo<OfflineLogs | null>(
    () =>
      supported
        ? {
            keep: async (kind, idempotencyKey, input) => {
              await (await loadQueue()).keepEntry({ key: idempotencyKey, kind, userId, input: { ...input } });
              setLive((current) => current ?? { offline: browserOffline() });
            },
          }
        : null,
    [supported, userId],
  );

  return (
    <OfflineLogsContext.Provider value={logs}>
      <AthleteWorker />
      {live && queue ? <queue.LiveQueue userId={userId} initiallyOffline={live.offline && browserOffline()} /> : quietStatus}
      {children}
    </OfflineLogsContext.Provider>
  );
}

const WORKER_URL = "/serwist/sw.js";
const WORKER_SCOPE = "/me";

/**
 * Registers the athlete app's service worker and, once per browser session, has it fetch the
 * log pages into its cache so they open offline. The registration is asked for directly (not
 * `navigator.serviceWorker.ready`): after sign-in the page was created at /sign-in, outside the
 * worker's scope, and is not under its control until the next visit.
 */
function AthleteWorker() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    let cancelled = false;
    const flag = OFFLINE_PAGES_WARMED;
    void navigator.serviceWorker
      .register(WORKER_URL, { scope: WORKER_SCOPE, type: "module" })
      .then(activeWorker)
      .then(async (worker) => {
        if (cancelled || !worker || browserOffline() || window.sessionStorage.getItem(flag)) return;
        await messageWorker(worker, { type: "CACHE_URLS", payload: { urlsToCache: [...OFFLINE_PAGES] } });
        window.sessionStorage.setItem(flag, "1");
      })
      // No worker (a private window, storage full): the app works online as before.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return null;
}

/** The registration's worker once it is active (it may still be installing its precache). */
function activeWorker(registration: ServiceWorkerRegistration): Promise<ServiceWorker | null> {
  if (registration.active) return Promise.resolve(registration.active);
  const pending = registration.installing ?? registration.waiting;
  if (!pending) return Promise.resolve(null);
  return new Promise((resolve) => {
    const check = () => {
      if (pending.state !== "activated" && pending.state !== "redundant") return;
      pending.removeEventListener("statechange", check);
      resolve(registration.active);
    };
    pending.addEventListener("statechange", check);
  });
}

/** Posts a message and waits for the worker's answer (Serwist answers CACHE_URLS once cached). */
function messageWorker(worker: ServiceWorker, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    worker.postMessage(message, [channel.port2]);
  });
}

