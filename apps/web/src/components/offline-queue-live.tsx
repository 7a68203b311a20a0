"use client";
import { useCallback, useEffect, useState } from "react";
import { formatInClubTime, type CheckInInput, type RunLogInput, type SessionLogInput } from "@loadline/domain";
import { Alert, AlertDescription, AlertTitle } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { classifySendError, createOfflineQueue, indexedDbQueueStore, waitingLabel, type OfflineQueue, type QueuedLog, type QueuedLogKind, type QueueStatus, type QueueStore } from "@/lib/offline-queue";
import { markQueue } from "@/lib/offline-queue-marker";
import { useClubCalendar } from "./club-calendar";
import { browserOffline, QUEUE_CHANNEL } from "./offline-queue";

/*
 * The offline queue itself (IndexedDB, sending, the waiting entries shown above the page),
 * loaded by `OfflineAthleteApp` only when the queue may hold entries, the browser is offline or
 * a form keeps an entry.
 */

const RETRY_MS = 20_000;
const kindLabel: Record<QueuedLogKind, string> = { session: "Session", run: "Run", checkIn: "Check-in" };

let shared: { queue: OfflineQueue; store: QueueStore } | null = null;

/** The tab's one queue (the forms and the indicator share it). */
function offlineQueue(): { queue: OfflineQueue; store: QueueStore } {
  return (shared ??= makeQueue());
}

/** Keeps the marker true to the store: cleared once it was read empty. */
async function syncMarker(): Promise<void> {
  markQueue((await offlineQueue().store.all()).length > 0);
}

/** Keeps a log on the device under its idempotency key and tries to send it at once. */
export async function keepEntry(entry: { key: string; kind: QueuedLogKind; userId: string; input: Record<string, unknown> }): Promise<void> {
  markQueue(true);
  await offlineQueue().queue.enqueue(entry);
  // Again after the write: another tab may have read the store empty just before it.
  markQueue(true);
  void flushQueue(entry.userId);
}

async function flushQueue(userId: string): Promise<void> {
  if (browserOffline()) return;
  try {
    const { sent } = await offlineQueue().queue.flush(userId);
    // Lists already on the page (recent logs) show what was sent; loaded only now, like the client.
    if (sent > 0) (await import("@/trpc/react")).invalidateAllQueries();
    await syncMarker();
  } catch {
    // The device's storage failed (quota, private mode): the entries stay where they are and
    // the next trigger tries again.
  }
}

/**
 * Sends the queue whenever the connection is back (and every 20 s while entries wait), and
 * shows how many entries are waiting and which the server refused.
 */
export function LiveQueue({ userId, initiallyOffline }: { userId: string; initiallyOffline: boolean }) {
  const { queue } = offlineQueue();
  const [status, setStatus] = useState<QueueStatus>({ waiting: 0, refused: [] });
  const [offline, setOffline] = useState(initiallyOffline);

  const refresh = useCallback(async () => {
    setStatus(await queue.status(userId));
  }, [queue, userId]);
  const flush = useCallback(() => flushQueue(userId), [userId]);

  useEffect(() => {
    // Other tabs of the app on this device change the same queue.
    const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(QUEUE_CHANNEL);
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

  return <QueueIndicator status={status} offline={offline} onSend={() => void flush()} onDiscard={(key) => void queue.discard(key).then(syncMarker)} />;
}

function makeQueue(): { queue: OfflineQueue; store: QueueStore } {
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
    await locks.request(QUEUE_CHANNEL, async () => {
      result = { value: await work() };
    });
    if (!result) throw new Error("The offline queue's lock was released without running.");
    return result.value;
  };
  const store = indexedDbQueueStore();
  return { store, queue: createOfflineQueue({ store, send, classify: classifySendError, exclusive }) };
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
