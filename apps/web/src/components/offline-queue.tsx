"use client";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { formatInClubTime, type CheckInInput, type RunLogInput, type SessionLogInput } from "@loadline/domain";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { OFFLINE_PAGES, OFFLINE_PAGES_WARMED } from "@/lib/offline-pages";
import { classifySendError, createOfflineQueue, indexedDbQueueStore, waitingLabel, type OfflineQueue, type QueuedLog, type QueuedLogKind, type QueueStatus } from "@/lib/offline-queue";
import { useClubCalendar } from "./club-calendar";

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

const CHANNEL = "loadline-offline-queue";
const RETRY_MS = 20_000;
const kindLabel: Record<QueuedLogKind, string> = { session: "Session", run: "Run", checkIn: "Check-in" };

/**
 * The athlete app around every /me page: registers the service worker, keeps the offline
 * queue, sends it whenever the connection is back (and every 20 s while entries wait), and shows
 * how many entries are waiting.
 */
export function OfflineAthleteApp({ userId, children }: { userId: string; children: ReactNode }) {
  const [queue] = useState<OfflineQueue | null>(() => (typeof window === "undefined" || !("indexedDB" in window) ? null : makeQueue()));
  const [status, setStatus] = useState<QueueStatus>({ waiting: 0, refused: [] });
  const [offline, setOffline] = useState(false);

  const refresh = useCallback(async () => {
    if (queue) setStatus(await queue.status(userId));
  }, [queue, userId]);

  const flush = useCallback(async () => {
    if (!queue || browserOffline()) return;
    try {
      const { sent } = await queue.flush(userId);
      // Lists already on the page (recent logs) show what was sent; loaded only now, like the client.
      if (sent > 0) (await import("@/trpc/react")).invalidateAllQueries();
    } catch {
      // The device's storage failed (quota, private mode): the entries stay where they are and
      // the next trigger tries again.
    }
  }, [queue, userId]);

  useEffect(() => {
    if (!queue) return;
    // Other tabs of the app on this device change the same queue.
    const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANNEL);
    if (channel) channel.onmessage = () => void refresh();
    const unsubscribe = queue.subscribe(() => {
      void refresh();
      channel?.postMessage("changed");
    });
    const online = () => {
      setOffline(false);
      void flush();
    };
    const wentOffline = () => setOffline(true);
    setOffline(browserOffline());
    window.addEventListener("online", online);
    window.addEventListener("offline", wentOffline);
    void refresh().then(flush);
    return () => {
      unsubscribe();
      channel?.close();
      window.removeEventListener("online", online);
      window.removeEventListener("offline", wentOffline);
    };
  }, [queue, refresh, flush]);

  // While entries wait and the browser thinks it is online (the server may have been down), try again now and then.
  useEffect(() => {
    if (status.waiting === 0 || offline) return;
    const timer = window.setInterval(() => void flush(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [status.waiting, offline, flush]);

  const logs = useMemo<OfflineLogs | null>(
    () =>
      queue
        ? {
            keep: async (kind, idempotencyKey, input) => {
              await queue.enqueue({ key: idempotencyKey, kind, userId, input: { ...input } });
              void flush();
            },
          }
        : null,
    [queue, userId, flush],
  );

  return (
    <OfflineLogsContext.Provider value={logs}>
      <AthleteWorker />
      <QueueIndicator status={status} offline={offline} onSend={() => void flush()} onDiscard={(key) => void queue?.discard(key)} />
      {children}
    </OfflineLogsContext.Provider>
  );
}

function makeQueue(): OfflineQueue {
  // Each kind is sent through the same procedure its form calls online, with the form's key. The
  // API client is loaded on the first send, so athlete pages (Today) do not carry it.
  const send = async (entry: QueuedLog) => {
    const client = (await import("@/trpc/client")).getTRPCClient();
    const idempotencyKey = entry.key;
    if (entry.kind === "session") await client.athleteLogs.logSession.mutate({ ...(entry.input as SessionLogInput), idempotencyKey });
    else if (entry.kind === "run") await client.athleteLogs.logRun.mutate({ ...(entry.input as RunLogInput), idempotencyKey });
    else await client.checkIns.create.mutate({ ...(entry.input as CheckInInput), idempotencyKey });
  };
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  const exclusive = async <T,>(work: () => Promise<T>): Promise<T> => {
    if (!locks) return work();
    let result: { value: T } | undefined;
    await locks.request(CHANNEL, async () => {
      result = { value: await work() };
    });
    if (!result) throw new Error("The offline queue's lock was released without running.");
    return result.value;
  };
  return createOfflineQueue({ store: indexedDbQueueStore(), send, classify: classifySendError, exclusive });
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

function QueueIndicator({ status, offline, onSend, onDiscard }: { status: QueueStatus; offline: boolean; onSend: () => void; onDiscard: (key: string) => void }) {
  const calendar = useClubCalendar();
  // The product's one date formatter: 24-hour time in every locale, like every other screen.
  const when = (iso: string) => formatInClubTime(iso, calendar);
  return (
    <div className={status.waiting > 0 || status.refused.length > 0 ? "mb-4 grid gap-2" : undefined}>
      {/* Always rendered, so screen readers hear the count change. */}
      <div role="status" data-testid="offline-queue" className={status.waiting > 0 ? "flex flex-wrap items-center gap-3 rounded-lg border border-amber-500/60 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50" : "sr-only"}>
        {status.waiting > 0 ? (
          <>
            <span className="font-medium">{waitingLabel(status.waiting)}</span>
            <span>{offline ? "They are saved on this device and will be sent when you are back online." : "Sending when Loadline can be reached…"}</span>
            {offline ? null : (
              <Button type="button" size="sm" variant="outline" onClick={onSend}>
                Send now
              </Button>
            )}
          </>
        ) : null}
      </div>
      {status.refused.map((entry) => (
        <Alert key={entry.key} variant="destructive">
          <AlertTitle>
            {kindLabel[entry.kind]} from {when(entry.queuedAt)} was not accepted
          </AlertTitle>
          <AlertDescription className="grid gap-2">
            <p>{entry.message} Log it again from the Log page if you still want it recorded.</p>
            <div>
              <Button type="button" size="sm" variant="outline" onClick={() => onDiscard(entry.key)}>
                Remove from this device
              </Button>
            </div>
          </AlertDescription>
        </Alert>
      ))}
    </div>
  );
}
