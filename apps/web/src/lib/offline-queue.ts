import { openDB, type DBSchema, type IDBPDatabase } from "idb";

/**
 * The athlete's logs made without a connection, kept on the device until the server has them.
 *
 * Each entry carries the idempotency key its form made, and every send of it uses that key, so
 * an entry sent twice (a lost answer, two tabs flushing at once) is stored once: the server
 * answers a repeated key with the record it already has. The module knows nothing of React or
 * tRPC: the sender is handed in, and the store is an interface (IndexedDB in the browser).
 */

export type QueuedLogKind = "session" | "run" | "checkIn";

export interface QueuedLog {
  /** The idempotency key of the submission; also the entry's key on the device. */
  key: string;
  kind: QueuedLogKind;
  /** Whose log it is: a device shared by two athletes sends each one's entries only under their own sign-in. */
  userId: string;
  /** The form's parsed input, without the key (structured-clone safe: dates stay dates). */
  input: Record<string, unknown>;
  /** When it was queued, ISO 8601, for the order of sending. */
  queuedAt: string;
  /** Set when the server refused the entry: it will not be sent again until the athlete decides. */
  refused?: string;
}

export interface QueueStore {
  put(entry: QueuedLog): Promise<void>;
  all(): Promise<QueuedLog[]>;
  remove(key: string): Promise<void>;
}

/** What a failed send means for the entry. */
export type SendFailure =
  /** No answer (offline, connection dropped, server down): keep it, try again later. */
  | { kind: "unreachable" }
  /** The session ended: keep it and send after the athlete signs in again. */
  | { kind: "signed-out" }
  /** The server answered and said no (bad input, not allowed, a conflict): keep it, stop sending it. */
  | { kind: "refused"; message: string };

export interface QueueStatus {
  waiting: number;
  refused: { key: string; kind: QueuedLogKind; queuedAt: string; message: string }[];
}

export interface FlushResult {
  sent: number;
  /** Why the flush stopped before the end, if it did. */
  stopped: "unreachable" | "signed-out" | null;
}

export interface OfflineQueueOptions {
  store: QueueStore;
  send: (entry: QueuedLog) => Promise<void>;
  classify: (error: unknown) => SendFailure;
  /**
   * Runs the flush so that only one runs at a time on the device (the Web Locks API in the
   * browser: two tabs never send the same entry at the same moment). Defaults to in-process only.
   */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
  /** The time an entry is queued at (tests pass a fixed clock). */
  now?: () => Date;
}

export interface OfflineQueue {
  enqueue(entry: Omit<QueuedLog, "queuedAt" | "refused">): Promise<void>;
  status(userId: string): Promise<QueueStatus>;
  /** Sends the user's waiting entries, oldest first, stopping at the first that cannot be sent now. */
  flush(userId: string): Promise<FlushResult>;
  /** Drops an entry the athlete no longer wants sent (a refused one). */
  discard(key: string): Promise<void>;
  /** Called after every change (enqueue, send, discard) in this tab. */
  subscribe(listener: () => void): () => void;
}

export function createOfflineQueue(options: OfflineQueueOptions): OfflineQueue {
  const { store, send, classify } = options;
  const now = options.now ?? (() => new Date());
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  let running: Promise<FlushResult> | null = null;
  const exclusive = options.exclusive ?? (<T,>(work: () => Promise<T>) => work());

  const ownWaiting = async (userId: string) =>
    (await store.all()).filter((e) => e.userId === userId && e.refused === undefined).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));

  const flushOnce = (userId: string) =>
    exclusive(async (): Promise<FlushResult> => {
      let sent = 0;
      // Read inside the lock: another tab may have sent some entries while this one waited.
      for (const entry of await ownWaiting(userId)) {
        try {
          await send(entry);
        } catch (error) {
          const failure = classify(error);
          if (failure.kind !== "refused") return { sent, stopped: failure.kind };
          await store.put({ ...entry, refused: failure.message });
          changed();
          continue;
        }
        await store.remove(entry.key);
        sent += 1;
        changed();
      }
      return { sent, stopped: null };
    });

  return {
    async enqueue(entry) {
      // Re-queuing a key keeps its first place in the line (and its first input: the key is the submission).
      const existing = (await store.all()).find((e) => e.key === entry.key);
      if (!existing) await store.put({ ...entry, queuedAt: now().toISOString() });
      changed();
    },
    async status(userId) {
      const own = (await store.all()).filter((e) => e.userId === userId);
      return {
        waiting: own.filter((e) => e.refused === undefined).length,
        refused: own.flatMap((e) => (e.refused === undefined ? [] : [{ key: e.key, kind: e.kind, queuedAt: e.queuedAt, message: e.refused }])),
      };
    },
    flush(userId) {
      // One flush at a time in this tab; a second call while one runs waits for it.
      running ??= flushOnce(userId).finally(() => {
        running = null;
      });
      return running;
    },
    async discard(key) {
      await store.remove(key);
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

interface QueueDb extends DBSchema {
  entries: { key: string; value: QueuedLog };
}

/** The queue's IndexedDB store: one database, one object store keyed by the idempotency key. */
export function indexedDbQueueStore(name = "loadline-offline"): QueueStore {
  let db: Promise<IDBPDatabase<QueueDb>> | null = null;
  const open = () =>
    (db ??= openDB<QueueDb>(name, 1, {
      upgrade(database) {
        database.createObjectStore("entries", { keyPath: "key" });
      },
    }));
  return {
    async put(entry) {
      await (await open()).put("entries", entry);
    },
    async all() {
      return (await open()).getAll("entries");
    },
    async remove(key) {
      await (await open()).delete("entries", key);
    },
  };
}

/** "1 entry waiting to send", "3 entries waiting to send". */
export function waitingLabel(count: number): string {
  return `${count} ${count === 1 ? "entry" : "entries"} waiting to send`;
}

/**
 * What a failed send of a tRPC client means. No HTTP status: the request never got an answer
 * (offline, connection reset). 401: the session ended. 5xx and 429: the server cannot take it
 * now (its database down, a deploy, rate limit). Any other answer is the server's "no".
 */
export function classifySendError(error: unknown): SendFailure {
  const shape = error as { message?: unknown; data?: { httpStatus?: unknown } | null } | null;
  const status = typeof shape?.data?.httpStatus === "number" ? shape.data.httpStatus : undefined;
  if (status === undefined) return { kind: "unreachable" };
  if (status === 401) return { kind: "signed-out" };
  if (status >= 500 || status === 429) return { kind: "unreachable" };
  return { kind: "refused", message: typeof shape?.message === "string" ? shape.message : "The server did not accept this entry." };
}
