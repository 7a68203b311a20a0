"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { browserOffline, useOfflineLogs } from "@/components/offline-queue";
import { applyServerErrors } from "@/lib/form-errors";
import { classifySendError, type QueuedLogKind } from "@/lib/offline-queue";
import { retryWhileUnavailable, useDraft } from "./use-log-form";

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

/** A tRPC error as the log forms read it: its message and the field errors, if any. */
interface SaveError {
  message: string;
  data?: { fieldErrors?: Record<string, string[]> | null } | null;
}

/**
 * What every athlete log form does around its two mutations: keeps a draft on the device until
 * the server has the log, retries a create while the database is unreachable (same idempotency
 * key), keeps the entry on the device when the send got no answer, puts the server's errors at
 * the fields, and refreshes every list once saved.
 *
 * @example
 * const save = useLogSave(form, { kind: "run", idempotencyKey, draftKey: "loadline:draft:run", draft: !editing, onSaved: (r) => setFeedback(r.feedback) });
 * const create = useMutation(trpc.athleteLogs.logRun.mutationOptions(save.create));
 * const update = useMutation(trpc.athleteLogs.updateRun.mutationOptions(save.update));
 */
export function useLogSave<T extends FieldValues, Output, Result>(
  form: UseFormReturn<T, unknown, Output>,
  options: { kind: QueuedLogKind; idempotencyKey: string; draftKey: string; draft: boolean; onSaved: (result: Result) => void },
) {
  const queryClient = useQueryClient();
  const clearDraft = useDraft(form as unknown as UseFormReturn<T>, options.draftKey, options.draft);
  const offline = useOfflineSave(options.kind, options.idempotencyKey, { kept: clearDraft, failed: (message) => form.setError("root", { type: "server", message }) });
  const onSuccess = (result: Result) => {
    clearDraft();
    options.onSaved(result);
    void queryClient.invalidateQueries();
  };
  return {
    offline,
    clearDraft,
    /** Options for the create mutation. */
    create: {
      ...retryWhileUnavailable,
      onSuccess,
      onError: (error: SaveError, sent: { idempotencyKey: string }) => {
        if (!offline.keepIfUnreachable(error, sent)) applyServerErrors(form, error);
      },
    },
    /** Options for the update mutation (an edit is never queued on the device). */
    update: { onSuccess, onError: (error: SaveError) => applyServerErrors(form, error) },
  };
}
