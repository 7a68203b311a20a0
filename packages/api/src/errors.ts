import { TRPCError } from "@trpc/server";
import { DomainError, type DomainErrorKind } from "@loadline/domain";
import { ZodError } from "zod";

const codeFor: Record<DomainErrorKind, TRPCError["code"]> = {
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  invalid: "BAD_REQUEST",
  gone: "NOT_FOUND",
  unauthorized: "UNAUTHORIZED",
  rate_limited: "TOO_MANY_REQUESTS",
};

/** The one place domain errors become transport errors. */
export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: codeFor[error.kind], message: error.message, cause: error });
}

/** A bad-request error naming the field, for checks zod cannot make alone (e.g. "email taken"). */
export function fieldError(field: string, message: string): TRPCError {
  return toTRPCError(new DomainError("invalid", message, { [field]: [message] }));
}

/** Field errors keyed by dotted path, from a zod error or a domain error, for the client's forms. */
export function fieldErrorsOf(cause: unknown): Record<string, string[]> | null {
  if (cause instanceof ZodError) {
    const out: Record<string, string[]> = {};
    for (const issue of cause.issues) {
      const key = issue.path.map(String).join(".") || "_form";
      (out[key] ??= []).push(issue.message);
    }
    return out;
  }
  if (cause instanceof DomainError && cause.fieldErrors) return cause.fieldErrors;
  return null;
}
