/**
 * Typed domain errors. The API maps each kind to one transport code in one place,
 * so a rule never has to know about HTTP or tRPC.
 */
export type DomainErrorKind = "forbidden" | "not_found" | "conflict" | "invalid" | "gone" | "unauthorized" | "rate_limited";

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  /** Field-level messages for `invalid` errors, keyed by field path. */
  readonly fieldErrors?: Record<string, string[]>;

  constructor(kind: DomainErrorKind, message: string, fieldErrors?: Record<string, string[]>) {
    super(message);
    this.name = "DomainError";
    this.kind = kind;
    if (fieldErrors) this.fieldErrors = fieldErrors;
  }
}
