import type postgres from "postgres";
import { inDatabaseSpan } from "./tracing";

/**
 * Thrown when no database connection came within the acquire limit. Carries a code like the
 * driver's own connection errors, so `databaseFailureOf` classifies it as "unavailable".
 */
export class PoolTimeoutError extends Error {
  readonly code = "LOADLINE_POOL_TIMEOUT";
  constructor(waitedMs: number) {
    super(`no database connection within ${waitedMs} ms`);
    this.name = "PoolTimeoutError";
  }
}

export interface PoolStats {
  /** Connections the pool may open. */
  size: number;
  /** Permits held: queries, transactions and reserved connections running now. */
  inUse: number;
  /** Callers waiting for a permit. */
  waiting: number;
}

/**
 * A counting semaphore with a deadline per waiter. postgres-js queues a query without limit when
 * every connection is busy (or reconnecting), so a request could wait until the client gave up;
 * with at most `size` callers let through, the driver never queues and a caller that cannot get
 * a turn within `acquireMs` fails fast instead.
 */
class Gate {
  inUse = 0;
  private readonly queue: { grant: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(
    readonly size: number,
    private readonly acquireMs: number,
  ) {}

  get waiting(): number {
    return this.queue.length;
  }

  acquire(): Promise<void> {
    if (this.inUse < this.size) {
      this.inUse++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const entry = {
        grant: () => {
          clearTimeout(entry.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const at = this.queue.indexOf(entry);
          if (at >= 0) this.queue.splice(at, 1);
          reject(new PoolTimeoutError(this.acquireMs));
        }, this.acquireMs),
      };
      this.queue.push(entry);
    });
  }

  release(): void {
    const next = this.queue.shift();
    // The permit passes straight to the next waiter; inUse stays the same.
    if (next) next.grant();
    else this.inUse--;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }
}

/**
 * Statements with one to this many parameters are prepared once per connection and reused.
 * Drizzle sends every query unprepared, so PostgreSQL parses and plans it on every call (0.1-0.5
 * ms each, 20-odd per log submit). The limit bounds how many distinct texts a connection keeps:
 * an `in (...)` list makes one text per length, and batch reads of hundreds of athletes stay
 * unprepared. Statements without parameters stay unprepared too: a script of several statements
 * cannot be prepared.
 */
export const PREPARED_PARAMETER_LIMIT = 32;

type Unsafe = postgres.Sql["unsafe"];

/** `unsafe` of this client, preparing short statements when `prepare` is on. */
function preparingUnsafe(client: { unsafe: Unsafe }, prepare: boolean): Unsafe {
  if (!prepare) return ((...args: Parameters<Unsafe>) => client.unsafe(...args)) as Unsafe;
  return ((query: string, parameters?: postgres.ParameterOrJSON<never>[], queryOptions?: postgres.UnsafeQueryOptions) => {
    const count = parameters?.length ?? 0;
    const short = count >= 1 && count <= PREPARED_PARAMETER_LIMIT;
    return client.unsafe(query, parameters, { ...queryOptions, prepare: queryOptions?.prepare === true || short });
  }) as Unsafe;
}

/** A transaction's client (and its savepoints') whose short statements are prepared too. */
function preparingTransaction(sql: postgres.TransactionSql): postgres.TransactionSql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") return preparingUnsafe(target, true);
      if (property === "savepoint") {
        return (...args: unknown[]) => {
          const fn = args.pop() as (inner: postgres.TransactionSql) => unknown;
          return (target.savepoint as (...a: unknown[]) => Promise<unknown>)(...args, (inner: postgres.TransactionSql) => fn(preparingTransaction(inner)));
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/**
 * The postgres-js client behind a gate: `unsafe` (every Drizzle query), `begin` (every Drizzle
 * transaction, holding its permit until it ends) and `reserve` (pg-boss scripts) take a permit
 * first. Queries inside a transaction run on the transaction's own client and take none.
 * With `prepare`, short statements are prepared (`PREPARED_PARAMETER_LIMIT`), in transactions too.
 */
export function gatePool(
  client: postgres.Sql,
  options: { size: number; acquireMs: number; prepare?: boolean },
): { client: postgres.Sql; stats: () => PoolStats } {
  const gate = new Gate(options.size, options.acquireMs);
  const prepare = options.prepare ?? false;
  const clientUnsafe = preparingUnsafe(client, prepare);
  const unsafe = (
    query: string,
    parameters?: postgres.ParameterOrJSON<never>[],
    queryOptions?: postgres.UnsafeQueryOptions,
  ) => {
    const run = () => clientUnsafe(query, parameters, queryOptions);
    // The statement's text only: values travel as parameters and never reach a span.
    const traced = <T>(work: () => Promise<T>) =>
      inDatabaseSpan("db.query", { "db.statement": query.slice(0, 1000) }, () => gate.run(work));
    // Drizzle awaits the pending query itself or its `.values()`; both go through the gate.
    const lazy = {
      values: () => traced(async () => run().values()),
      then: <A, B>(
        onFulfilled?: (value: unknown) => A | PromiseLike<A>,
        onRejected?: (reason: unknown) => B | PromiseLike<B>,
      ) => traced(async () => run()).then(onFulfilled, onRejected),
      simple: () => traced(async () => run().simple()),
    };
    // Only what Drizzle and the queue adapter call exists; the type says the driver's.
    return lazy as unknown as postgres.PendingQuery<postgres.Row[]>;
  };
  // A transaction is one span; its statements run on its own connection, inside it.
  const begin = (...args: unknown[]) => {
    if (prepare) {
      const fn = args.pop() as (sql: postgres.TransactionSql) => unknown;
      args.push((sql: postgres.TransactionSql) => fn(preparingTransaction(sql)));
    }
    return inDatabaseSpan("db.transaction", {}, () =>
      gate.run(() => (client.begin as (...a: unknown[]) => Promise<unknown>)(...args)),
    );
  };
  const reserve = async () => {
    await gate.acquire();
    try {
      const reserved = await client.reserve();
      const release = reserved.release.bind(reserved);
      reserved.release = () => {
        release();
        gate.release();
      };
      return reserved;
    } catch (error) {
      gate.release();
      throw error;
    }
  };
  const gated = new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") return unsafe;
      if (property === "begin") return begin;
      if (property === "reserve") return reserve;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return {
    client: gated,
    stats: () => ({
      size: gate.size,
      inUse: gate.inUse,
      waiting: gate.waiting,
    }),
  };
}
