import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import * as schema from "@loadline/db/schema";
import type { Actor } from "@loadline/domain";
import type { LogRecord } from "../src/logger";
import { appRouter, createCaller } from "../src/root";
import { createTestDatabase, NOW, TEST_SECOND_FACTOR_KEY } from "./fixtures";
import { malformedInputs } from "./fuzz-inputs";
import { buildWorld, procedureAt, type World } from "./matrix-helpers";

/**
 * Malformed input against every procedure of appRouter (walked, as the authorization matrix
 * does), through createCaller with the real error mapping. However odd the input, the answer
 * is a 4xx or a success: never a 500, and a refused call writes nothing.
 *
 * Deterministic: a fixed seed per procedure, a fixed clock, one PGlite database. It runs on
 * PGlite only (the postgres project skips it): the property is about our code, not the driver.
 */

const SEED = 20261121;
const TOTAL_INPUTS = 5000;
const skip = process.env.LOADLINE_TEST_DB === "postgres";

type ProcedureRecord = Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>;
const paths = Object.keys(appRouter._def.procedures as unknown as ProcedureRecord).sort();

let handle: DatabaseHandle;
let world: World;
const serverLog: LogRecord[] = [];

// ---------------------------------------------------------------------------------------------

const TENANT_TABLES = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable));

/** Rows per table, in one statement. */
async function rowCounts(): Promise<string> {
  const query = sql.join(
    TENANT_TABLES.map((table) => sql`select ${getTableName(table)} as t, count(*)::int as n from ${table}`),
    sql` union all `,
  );
  const result = await handle.db.execute(query);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { t: string; n: number }[];
  return rows.map((r) => `${r.t}=${r.n}`).join(",");
}

const statusOf = (error: unknown): number => (error instanceof TRPCError ? getHTTPStatusCodeFromError(error) : 0);

describe.skipIf(skip)("fuzz: every procedure refuses malformed input with a 4xx and writes nothing", () => {
  beforeAll(async () => {
    handle = await createTestDatabase();
    world = await buildWorld(handle, "Fuzz Harriers");
  }, 300_000);
  afterAll(() => handle?.close());

  it(
    `${TOTAL_INPUTS} generated inputs: no 5xx, no rows written by refused calls`,
    async () => {
      expect(TENANT_TABLES.length).toBeGreaterThanOrEqual(15);
      const everyone: (Actor | null)[] = [world.club.coach, world.club.physio, world.club.athlete, null];
      // Inputs are spent on callers who pass the role check (found by probing with no input,
      // which any procedure taking input refuses before its resolver runs).
      const allowed = new Map<string, (Actor | null)[]>();
      for (const path of paths) {
        const passing: (Actor | null)[] = [];
        for (const actor of everyone) {
          const caller = createCaller({ db: handle.db, actor, now: NOW, secondFactorKey: TEST_SECOND_FACTOR_KEY, log: (r) => serverLog.push(r) });
          const code = await procedureAt(caller, path)(undefined).then(
            () => "OK",
            (error: unknown) => (error instanceof TRPCError ? error.code : "?"),
          );
          if (code !== "UNAUTHORIZED" && code !== "FORBIDDEN") passing.push(actor);
        }
        allowed.set(path, passing.length > 0 ? passing : everyone);
      }
      const perProcedure = Math.ceil(TOTAL_INPUTS / paths.length);
      const histogram: Record<string, number> = {};
      const failures: string[] = [];
      let inputs = 0;
      let counts = await rowCounts();

      for (const [index, path] of paths.entries()) {
        const samples = fc.sample(malformedInputs(world, path), { seed: SEED + index, numRuns: perProcedure });
        for (const [n, input] of samples.entries()) {
          if (inputs >= TOTAL_INPUTS) break;
          inputs++;
          const actors = allowed.get(path) ?? everyone;
          const actor = actors[n % actors.length] ?? null;
          const caller = createCaller({ db: handle.db, actor, now: NOW, requestId: `fuzz-${path}-${n}`, secondFactorKey: TEST_SECOND_FACTOR_KEY, log: (r) => serverLog.push(r) });
          let status = 200;
          try {
            await procedureAt(caller, path)(input);
          } catch (error) {
            status = statusOf(error);
            if (status === 0) failures.push(`${path}: threw a non-tRPC error ${String(error)}`);
          }
          histogram[status] = (histogram[status] ?? 0) + 1;
          if (status >= 500) failures.push(`${path} as ${actor?.role ?? "anonymous"}: ${status} for ${fc.stringify(input).slice(0, 300)}`);
          const after = await rowCounts();
          if (status !== 200 && after !== counts) failures.push(`${path}: refused with ${status} but wrote rows (${counts} -> ${after})`);
          counts = after;
        }
      }

      console.log(`fuzz: ${inputs} inputs over ${paths.length} procedures, status histogram ${JSON.stringify(histogram)}`);
      expect(inputs).toBe(TOTAL_INPUTS);
      expect(failures.slice(0, 20)).toEqual([]);
      expect(Object.keys(histogram).filter((s) => Number(s) >= 500)).toEqual([]);
      expect(serverLog.filter((r) => r.level === "error").map((r) => r.path)).toEqual([]);
    },
    // Generous on purpose: the suite shares two cores with other work; nothing here depends on speed.
    1_800_000,
  );
});
