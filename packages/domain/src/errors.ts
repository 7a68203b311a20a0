/**
 * The application's one error vocabulary (after documenso's AppError): a `kind` the API maps to
 * one transport code in one place, and a `userMessage` written for the person using the app.
 * The `message` inherited from Error is the detail for the server log and may say more
 * (which constraint, which id); it is never sent to a client.
 */
export type DomainErrorKind =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid"
  | "gone"
  | "too_large"
  | "internal"
  | "rate_limited"
  | "precondition_failed"
  /** A dependency (the database) cannot serve right now; the same request may succeed shortly. */
  | "unavailable";

export interface DomainErrorOptions {
  /** Detail for the server log only (defaults to the user message). */
  detail?: string;
  cause?: unknown;
}

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  /** One plain sentence a person can act on. Safe to show. */
  readonly userMessage: string;
  /** Field-level messages for `invalid` errors, keyed by field path. */
  readonly fieldErrors?: Record<string, string[]>;

  constructor(kind: DomainErrorKind, userMessage: string, fieldErrors?: Record<string, string[]>, options: DomainErrorOptions = {}) {
    super(options.detail ?? userMessage, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DomainError";
    this.kind = kind;
    this.userMessage = userMessage;
    if (fieldErrors) this.fieldErrors = fieldErrors;
  }
}

/** The sentence shown for anything unexpected; the reference ties it to the server log line. */
export function unexpectedErrorMessage(reference: string): string {
  return `Something went wrong on our side. Reference: ${reference}`;
}

/** What a person sees while the database cannot be reached; nothing they entered is lost. */
export const unavailableMessage = "Loadline can't reach its database right now. Your entry is kept; try again in a few seconds.";
