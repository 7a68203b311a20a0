"use client";
import type { FormEventHandler, ReactNode } from "react";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";

/**
 * The frame every log form shares: the top-of-form error that promises the entries are kept,
 * and the submit button that turns into "Retry saving" after a failed send (same
 * idempotency key, so a retry never makes a second log).
 */
export function LogFormFrame({
  onSubmit,
  rootError,
  pending,
  retrying = false,
  failed,
  editing,
  saveLabel,
  children,
}: {
  onSubmit: FormEventHandler<HTMLFormElement>;
  rootError: string | undefined;
  pending: boolean;
  /** The server could not reach its database and the form is sending the same entry again. */
  retrying?: boolean;
  failed: boolean;
  editing: boolean;
  saveLabel: string;
  children: ReactNode;
}) {
  return (
    <form noValidate className="grid gap-6" onSubmit={onSubmit}>
      {rootError ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>
            {rootError} Your entries are kept{failed ? ": press Retry to send them again." : "."}
          </AlertDescription>
        </Alert>
      ) : null}
      {retrying ? (
        <Alert role="status">
          <AlertDescription>Loadline can&apos;t reach its database; your entry is kept, retrying…</AlertDescription>
        </Alert>
      ) : null}
      {children}
      <Button type="submit" size="lg" className="h-12 text-base" disabled={pending}>
        {pending ? "Saving…" : failed ? "Retry saving" : editing ? "Save changes" : saveLabel}
      </Button>
    </form>
  );
}
