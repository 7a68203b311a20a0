import { initTRPC } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import { can, type Action, type Actor, type Subject, DomainError } from "@loadline/domain";
import type { Context } from "./context";
import { fieldErrorsOf, mapError, newRequestId, referenceOf } from "./errors";
import { observeProcedure } from "./metrics";
import { inSpan } from "./telemetry";
import { inOrganisationScope } from "./tenant-scope";

/**
 * Results a procedure vouches are plain JSON (only strings, numbers, booleans, null, arrays and
 * objects: times as epoch numbers), marked with `plainJson`. superjson walks every value of a
 * result to find Dates, Maps and the like; for a 100-row board that walk cost ~50 times what
 * JSON itself costs. A marked result is sent in superjson's shape without type metadata
 * (`{ json }`), which the client's superjson reads back unchanged.
 */
const plainResults = new WeakSet<object>();

/** Mark a procedure's result as plain JSON (see `plainResults`): its type must hold no Date, Map, Set, BigInt or undefined. */
export function plainJson<T extends object>(result: T): T {
  plainResults.add(result);
  return result;
}

const transformer = {
  input: superjson,
  output: {
    serialize: (value: unknown) => (typeof value === "object" && value !== null && plainResults.has(value) ? { json: value } : superjson.serialize(value)),
    deserialize: (value: unknown) => superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]),
  },
};

const t = initTRPC.context<Context>().create({
  transformer,
  /**
   * The response body of every error. Built field by field rather than spread from tRPC's
   * default shape, so no stack or cause can ride along in any environment. Errors raised
   * outside a procedure (bad batch, unknown path, a failing context) are mapped here too.
   */
  errorFormatter({ shape, error, ctx, path }) {
    const safe = mapError(error, { requestId: ctx?.requestId ?? newRequestId(), log: ctx?.log, path });
    return {
      code: TRPC_ERROR_CODES_BY_KEY[safe.code],
      message: safe.message,
      data: {
        code: safe.code,
        httpStatus: getHTTPStatusCodeFromError(safe),
        path: shape.data.path,
        requestId: referenceOf(safe),
        fieldErrors: fieldErrorsOf(safe.cause),
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Anything thrown below (domain errors, database failures, bugs) becomes what a client may see
 * here, and nowhere else: see `mapError`. Callers of `createCaller` get the mapped error too.
 */
const mapErrors = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const result = await inSpan(`trpc ${path}`, { "rpc.system": "trpc", "rpc.method": path, "trpc.type": type }, () => next(), (r) =>
    r.ok ? null : r.error.code,
  );
  if (result.ok) {
    observeProcedure(path, "ok", (performance.now() - started) / 1000);
    return result;
  }
  const mapped = mapError(result.error, { requestId: ctx.requestId ?? newRequestId(), log: ctx.log, path });
  observeProcedure(path, mapped.code, (performance.now() - started) / 1000);
  throw mapped;
});

export const publicProcedure = t.procedure.use(mapErrors);

/** Signed-in users only. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new DomainError("unauthenticated", "Sign in to continue.");
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/**
 * Instance operators only: a signed-in club member is refused (FORBIDDEN), anyone else must sign
 * in as an operator (UNAUTHORIZED). Runs as the tables' owner without a tenant scope, so the
 * operator procedures themselves read nothing but club names and head counts.
 */
export const operatorProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.operator) return next({ ctx: { ...ctx, operator: ctx.operator } });
  if (ctx.actor) throw new DomainError("forbidden", "Only an operator of this Loadline can do this.");
  throw new DomainError("unauthenticated", "Sign in as an operator to continue.");
});

/**
 * Signed-in users whom the domain policy allows to do `action` in their organisation.
 * Procedures about one athlete also load that athlete scoped to `actor.organisationId`.
 * They run under row-level security for that organisation (tenant-scope.ts).
 */
export const procedureFor = (action: Action) =>
  protectedProcedure
    .use(({ ctx, next }) => {
      if (!can(ctx.actor, action)) {
        throw new DomainError("forbidden", "Your role cannot do this.");
      }
      if (ctx.actor.needsSecondFactor) {
        throw new DomainError("forbidden", "Your club requires a second factor: set it up on your account page first.");
      }
      return next();
    })
    .use(({ ctx, next }) => inOrganisationScope(ctx, (scoped) => next({ ctx: scoped })));

/** Ask the policy about one subject inside a procedure (e.g. an athlete looked up by id). */
export function assertCan(actor: Actor, action: Action, subject: Subject): void {
  if (!can(actor, action, subject)) throw new DomainError("forbidden", "Your role cannot do this.");
}
