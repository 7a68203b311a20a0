import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { can, DomainError, type Action, type Actor } from "@loadline/domain";
import type { Context } from "./context";
import { fieldErrorsOf, toTRPCError } from "./errors";
import { inOrganisationScope } from "./tenant-scope";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return { ...shape, data: { ...shape.data, fieldErrors: fieldErrorsOf(error.cause) } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors thrown anywhere below become their tRPC code here, and nowhere else. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  return result;
});

export const publicProcedure = t.procedure.use(mapDomainErrors);

/** Signed-in users only. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
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
        throw new TRPCError({ code: "FORBIDDEN", message: "Your role cannot do this." });
      }
      if (ctx.actor.needsSecondFactor) {
        throw new TRPCError({ code: "FORBIDDEN", message: "Your club requires a second factor: set it up on your account page first." });
      }
      return next();
    })
    .use(({ ctx, next }) => inOrganisationScope(ctx, (scoped) => next({ ctx: scoped })));

/** Ask the policy about one subject inside a procedure (e.g. an athlete looked up by id). */
export function assertCan(actor: Actor, action: Action, subject: { organisationId: string; athleteId?: string }): void {
  if (!can(actor, action, subject)) throw new TRPCError({ code: "FORBIDDEN", message: "Your role cannot do this." });
}
