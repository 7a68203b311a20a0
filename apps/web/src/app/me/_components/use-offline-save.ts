"use client";
import { useState } from "react";
import { browserOffline, useOfflineLogs } from "@/components/offline-queue";
import { classifySendError, type QueuedLogKind } from "@/lib/offline-queue";

/**
 * A new log's way onto the device when it cannot be sent: before sending when the browser is
 * offline, or after a send that got no answer (or only 5xx after the form's retries). It is kept
 * with the form's idempotency key, so a send that did reach the server is not stored twice.
 */
export function useOfflineSave(kind: QueuedLogKind, idempotencyKey: string, handlers: { kept: () => void; failed: (message: string) => void }) {
  const logs = useOfflineLogs();
  const [kept, setKept] = useState(false);
  const keep = (input: object) => {
    if (!logs) return false;
    logs.keep(kind, idempotencyKey, input).then(
      () => {
        handlers.kept();
        setKept(true);
      },
      () => handlers.failed("There is no connection, and this device could not keep the entry. Try again when you are online."),
    );
    return true;
  };
  return {
    /** The entry went onto the device; the form shows so instead of the server's feedback. */
    kept,
    reset: () => setKept(false),
    /** Keeps the entry instead of sending it when the browser is offline; true if it did. */
    keepIfOffline: (input: object) => browserOffline() && keep(input),
    /** Keeps the entry after a send that got no answer; true if it did (else the error is the form's to show). */
    keepIfUnreachable: (error: unknown, sent: { idempotencyKey: string }) => {
      if (classifySendError(error).kind !== "unreachable") return false;
      const { idempotencyKey: _key, ...input } = sent;
      return keep(input);
    },
  };
}
