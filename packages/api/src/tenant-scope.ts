import { withOrganisation, type Database } from "@loadline/db";
import type { Actor } from "@loadline/domain";
import type { Context } from "./context";
import { startReassessQueue } from "./jobs/reassess-queue";
import { describeError, jsonLogger } from "./logger";

/** Carries a failed procedure's result out of its transaction, so the transaction rolls back. */
class ProcedureFailed<R> extends Error {
  constructor(readonly result: R) {
    super("procedure failed");
  }
}

/**
 * Row-level security for tenant procedures: the procedure runs in one transaction as the
 * `loadline_app` role with `app.organisation_id` set to the actor's organisation
 * (`withOrganisation`), and sees `ctx.db` as that transaction. A query that forgot its
 * organisation filter then still finds nothing of another club. A failed procedure's writes are
 * rolled back, so a procedure is all or nothing, and so are the re-assessment jobs it queued:
 * they are written through the same transaction (the queue's outbox).
 *
 * The queue's producer is started first, on the database itself: inside the transaction it could
 * not start on PGlite, whose one connection the transaction holds (it would wait forever).
 */
export async function inOrganisationScope<R extends { ok: boolean }>(
  ctx: Context & { actor: Actor },
  next: (scoped: Context & { actor: Actor }) => Promise<R>,
): Promise<R> {
  await startReassessQueue(ctx.db);
  const pending: { task: (db: Database) => Promise<void>; awaited: boolean }[] = [];
  try {
    const committed = await withOrganisation(ctx.db, ctx.actor.organisationId, async (tx) => {
      const result = await next({ ...ctx, db: tx, afterCommit: (task, options) => pending.push({ task, awaited: options?.awaited === true }) });
      if (!result.ok) throw new ProcedureFailed(result);
      return result;
    });
    const log = ctx.log ?? jsonLogger;
    const awaited: Promise<void>[] = [];
    for (const { task, awaited: wait } of pending) {
      const run = task(ctx.db).catch((error: unknown) => log({ level: "error", event: "after_commit.failed", requestId: ctx.requestId, error: describeError(error) }));
      if (wait) awaited.push(run);
    }
    await Promise.all(awaited);
    return committed;
  } catch (error) {
    if (error instanceof ProcedureFailed) return error.result as R;
    throw error;
  }
}
