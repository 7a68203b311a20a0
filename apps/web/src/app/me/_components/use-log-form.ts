"use client";
import { useCallback, useEffect, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";

/** A fresh idempotency key per form instance; kept across retries so a resend never duplicates. */
export function useIdempotencyKey(): [string, () => void] {
  const [key, setKey] = useState(() => crypto.randomUUID());
  return [key, useCallback(() => setKey(crypto.randomUUID()), [])];
}

/**
 * Keeps an unsent form in this device's storage, so a closed tab, a crash or a lost connection
 * never loses what the athlete typed. Cleared once the server has the log.
 */
export function useDraft<T extends FieldValues>(form: UseFormReturn<T>, storageKey: string, enabled: boolean): () => void {
  useEffect(() => {
    if (!enabled) return;
    const saved = window.localStorage.getItem(storageKey);
    if (saved) {
      try {
        form.reset({ ...form.getValues(), ...(JSON.parse(saved) as Partial<T>) }, { keepDefaultValues: true });
      } catch {
        window.localStorage.removeItem(storageKey);
      }
    }
    const subscription = form.watch((values) => window.localStorage.setItem(storageKey, JSON.stringify(values)));
    return () => subscription.unsubscribe();
    // Restores once per mount: useForm returns the same object on every render.
  }, [form, storageKey, enabled]);
  return useCallback(() => window.localStorage.removeItem(storageKey), [storageKey]);
}

/** An instant (default now, to the minute) as the value of a `DateTimeField`. */
export function dateTimeFieldValue(date: Date = new Date()): string {
  return new Date(Math.floor(date.getTime() / 60_000) * 60_000).toISOString();
}

/** Empty number inputs mean "not given" (undefined); anything else must parse as a number. */
export const numberOrUndefined = (value: unknown) =>
  value === "" || value === null || value === undefined ? undefined : typeof value === "number" ? value : Number(typeof value === "string" ? value.replace(",", ".") : value);

/** The tRPC client error's HTTP status, when the server answered. */
function httpStatusOf(error: unknown): number | undefined {
  const data = (error as { data?: { httpStatus?: unknown } | null } | null)?.data;
  return typeof data?.httpStatus === "number" ? data.httpStatus : undefined;
}

/**
 * Mutation options for a log create: while the server answers 503 (its database is unreachable)
 * the same request, with the same idempotency key, is sent again with growing pauses (1, 2, 4, 5,
 * 5 ... s, about a minute in all), so a short outage needs nothing from the athlete and never
 * makes a second log. Anything else fails at once and shows at the form.
 */
export const retryWhileUnavailable = {
  retry: (failureCount: number, error: unknown) => httpStatusOf(error) === 503 && failureCount < 14,
  retryDelay: (attempt: number) => Math.min(1000 * 2 ** attempt, 5000),
};
