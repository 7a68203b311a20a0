import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { DomainError, fieldErrorsOfIssues, issueSentence, unavailableMessage, unexpectedErrorMessage, type DomainErrorKind } from "@loadline/domain";
import { databaseFailureOf, type DatabaseFailure } from "@loadline/db";
import { ZodError } from "zod";
import { describeError, jsonLogger, type Logger } from "./logger";

const codeFor: Record<DomainErrorKind, TRPCError["code"]> = {
  unauthenticated: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  invalid: "BAD_REQUEST",
  gone: "NOT_FOUND",
  too_large: "PAYLOAD_TOO_LARGE",
  internal: "INTERNAL_SERVER_ERROR",
  rate_limited: "TOO_MANY_REQUESTS",
  precondition_failed: "PRECONDITION_FAILED",
  unavailable: "SERVICE_UNAVAILABLE",
};

/** Domain errors become transport errors here; the user message is all the client gets. */
export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: codeFor[error.kind], message: error.userMessage, cause: error });
}

/**
 * A domain error naming the field, for checks zod cannot make alone (e.g. "email taken"): BAD_REQUEST
 * with the sentence at that field once mapped (`mapError`), like any other domain error.
 */
export function fieldError(field: string, message: string): DomainError {
  return new DomainError("invalid", message, { [field]: [message] });
}

/**
 * Field errors keyed by dotted path (the field's machine name, so a form can find its field),
 * each a sentence with the field's label, from a zod error or a domain error.
 */
export function fieldErrorsOf(cause: unknown): Record<string, string[]> | null {
  if (cause instanceof ZodError) return fieldErrorsOfIssues(cause.issues);
  if (cause instanceof DomainError && cause.fieldErrors) return cause.fieldErrors;
  return null;
}

/**
 * What a racing write says, by the constraint it hit. Anything else unique gets the generic
 * sentence: the person can reload and see what the other request did.
 */
const conflictSentences: Record<string, string> = {
  users_email_key: "Someone with this email address was added at the same moment. Reload to see them.",
  exercises_org_name_key: "An exercise with this name already exists.",
  squad_memberships_pk: "This athlete's squads were changed at the same moment by someone else. Reload and try again.",
  squads_org_name_key: "A squad with this name already exists.",
  injury_episodes_one_active_key: "This athlete already has an open episode (someone opened one at the same moment). Reload to see it.",
  plan_versions_athlete_version_key: "Someone else saved this plan at the same moment. Reload to see their version.",
};

function fromDatabase(failure: DatabaseFailure): DomainError {
  const detail = `database ${failure.kind} (${failure.sqlState}${failure.constraint ? `, ${failure.constraint}` : ""})`;
  switch (failure.kind) {
    case "unique_violation":
      return new DomainError(
        "conflict",
        conflictSentences[failure.constraint ?? ""] ?? "This was changed at the same moment by someone else. Reload and try again.",
        undefined,
        { detail },
      );
    case "foreign_key_violation":
      return new DomainError("invalid", "One of the records you chose no longer exists. Reload and try again.", undefined, { detail });
    case "check_violation":
    case "invalid_input":
      return new DomainError("invalid", "Some of the values you entered are not allowed. Check the form and try again.", undefined, { detail });
    case "retryable":
      return new DomainError("conflict", "Someone else changed this at the same moment. Try again.", undefined, { detail });
    case "unavailable":
      return new DomainError("unavailable", unavailableMessage, undefined, { detail });
  }
}

/**
 * The message of a zod failure, instead of tRPC's JSON dump of every issue: the first sentence
 * (every one of them travels in `fieldErrors`, for the form to show at its field).
 */
function firstIssue(error: ZodError): string {
  const first = error.issues[0];
  return first ? issueSentence(first) : "Check the form and try again.";
}

export interface ErrorScope {
  requestId?: string | undefined;
  log?: Logger | undefined;
  path?: string | undefined;
}

/** Errors already mapped, so the formatter does not map (and log) them twice. */
const mapped = new WeakSet<TRPCError>();
const references = new WeakMap<TRPCError, string>();

export const newRequestId = (): string => randomUUID();

/**
 * The one mapping from anything thrown below a procedure to what a client may see:
 * - a DomainError: its code and user message (field errors kept for forms);
 * - a database failure: CONFLICT for unique races, BAD_REQUEST for refused values, never the SQL;
 * - a TRPCError our code threw on purpose (NOT_FOUND, FORBIDDEN, input validation): as is;
 * - anything else: INTERNAL_SERVER_ERROR with a generic sentence and a reference, the detail
 *   logged under that reference.
 */
export function mapError(error: TRPCError, scope: ErrorScope = {}): TRPCError {
  if (mapped.has(error)) return error;
  const log = scope.log ?? jsonLogger;
  const requestId = scope.requestId ?? newRequestId();
  const cause = error.cause;
  let result: TRPCError;
  const failure = databaseFailureOf(cause);
  if (cause instanceof DomainError && cause.kind !== "internal") {
    result = toTRPCError(cause);
  } else if (failure) {
    // An outage is not a bug: one short line per request, without the stack of every retry.
    if (failure.kind === "unavailable") log({ level: "warn", event: "database_unavailable", requestId, path: scope.path, failure });
    else log({ level: "warn", event: "database_refused", requestId, path: scope.path, failure, error: describeError(cause) });
    result = toTRPCError(fromDatabase(failure));
  } else if (error.code !== "INTERNAL_SERVER_ERROR") {
    result = cause instanceof ZodError ? new TRPCError({ code: error.code, message: firstIssue(cause), cause }) : error;
  } else {
    log({ level: "error", event: "unexpected_error", requestId, path: scope.path, error: describeError(cause ?? error) });
    // No cause: nothing of the original error travels further than the log line above.
    result = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: unexpectedErrorMessage(requestId) });
  }
  mapped.add(result);
  references.set(result, requestId);
  return result;
}

/** Seconds a client should wait before retrying a 503 (the `Retry-After` header). */
export const RETRY_AFTER_SECONDS = 2;

/** The request id a mapped error was logged under (for the response body). */
export function referenceOf(error: TRPCError): string | null {
  return references.get(error) ?? null;
}
