import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import type { Actor } from "@loadline/domain";
import { mapError } from "../src/errors";
import type { LogRecord } from "../src/logger";
import { appRouter, createCaller } from "../src/root";
import { createTestDatabase, makeClub, NOW, type Club } from "./fixtures";

/**
 * The error vocabulary at work: what a client gets when the database fails or two requests
 * race, through createCaller and through the real fetch handler (the JSON a browser reads).
 */

let handle: DatabaseHandle;
let club: Club;
const logs: LogRecord[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Error Club");
});
afterAll(() => handle.close());

const callerAs = (actor: Actor | null, requestId = "req-test-1") =>
  createCaller({ db: handle.db, actor, now: NOW, requestId, log: (record) => logs.push(record) });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/** One HTTP call through tRPC's fetch adapter with our router and error formatter. */
async function httpCall(actor: Actor | null, path: string, requestId: string): Promise<{ status: number; body: string }> {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`),
    router: appRouter,
    createContext: async () => ({ db: handle.db, actor, now: NOW, requestId, log: (record: LogRecord) => logs.push(record) }),
  });
  return { status: response.status, body: await response.text() };
}

describe("a database error never reaches the client", () => {
  it("answers a generic 500 with a reference, and logs the SQL under that reference", async () => {
    // A broken schema (as after a bad deploy) makes every roster read fail inside the driver.
    const broken = await createTestDatabase();
    try {
      const brokenClub = await makeClub(broken, "Broken Club");
      await broken.db.execute(sql`alter table squads rename to squads_gone`);
      const response = await fetchRequestHandler({
        endpoint: "/api/trpc",
        req: new Request("http://localhost/api/trpc/roster.squads"),
        router: appRouter,
        createContext: async () => ({ db: broken.db, actor: brokenClub.coach, now: NOW, requestId: "req-broken-7", log: (r: LogRecord) => logs.push(r) }),
      });
      const body = await response.text();
      expect(response.status).toBe(500);
      const parsed = JSON.parse(body) as { error: { json: { message: string; data: Record<string, unknown> } } };
      expect(parsed.error.json.message).toBe("Something went wrong on our side. Reference: req-broken-7");
      expect(parsed.error.json.data.requestId).toBe("req-broken-7");
      expect(parsed.error.json.data).not.toHaveProperty("stack");
      expect(body.toLowerCase()).not.toMatch(/select|from "?squads|failed query|params|relation|at .*\.ts/);
      const line = logs.find((r) => r.requestId === "req-broken-7");
      expect(line?.level).toBe("error");
      expect(JSON.stringify(line)).toMatch(/Failed query: select/);
    } finally {
      await broken.close();
    }
  });

  it("createCaller gets the same generic error, with no cause to dig the SQL out of", async () => {
    const broken = await createTestDatabase();
    try {
      const brokenClub = await makeClub(broken, "Broken Again");
      await broken.db.execute(sql`alter table squads rename to squads_gone`);
      const error = await createCaller({ db: broken.db, actor: brokenClub.coach, now: NOW, requestId: "req-c", log: () => {} })
        .roster.squads()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      const trpcError = error as TRPCError;
      expect(trpcError.code).toBe("INTERNAL_SERVER_ERROR");
      expect(trpcError.message).toBe("Something went wrong on our side. Reference: req-c");
      expect(trpcError.cause).toBeUndefined();
    } finally {
      await broken.close();
    }
  });

  it("error bodies carry no stack, even outside production", async () => {
    const { status, body } = await httpCall(null, "roster.list", "req-anon");
    expect(status).toBe(401);
    expect(body).not.toContain("stack");
    expect(body).toContain("req-anon");
  });

  it("a validation error says the first problem in a sentence, with fieldErrors naming the field", async () => {
    const error = (await callerAs(club.coach).staff.invite({ name: "Pat", email: "not an email", role: "physio" }).catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("Enter a valid email address");
  });
});

/**
 * Each tenant procedure runs in one transaction (row-level security), and PGlite runs one
 * transaction at a time, so there the late callers see the winner's row and get the field error;
 * on a PostgreSQL server they usually collide on the unique key instead. Both are fine, a 500
 * never is; the sentence a collision gets is checked on the mapped driver error below.
 */

describe("unique-constraint races answer CONFLICT, never 500", () => {
  it("6 parallel staff invites with one email: one invite, the rest CONFLICT or 'already in your club'", async () => {
    const coach = callerAs(club.coach);
    const codes = await Promise.all(
      Array.from({ length: 6 }, () => codeOf(coach.staff.invite({ name: "Race Physio", email: "race@error.test", role: "physio" }))),
    );
    expect(codes.filter((c) => c === "OK")).toHaveLength(1);
    expect(codes.filter((c) => c !== "OK").every((c) => c === "CONFLICT" || c === "BAD_REQUEST")).toBe(true);
  });

  it("the conflict is one plain sentence", () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
      code: "23505",
      constraint_name: "users_email_key",
    });
    const mapped = mapError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: driverError }), { log: () => {} });
    expect(mapped.code).toBe("CONFLICT");
    expect(mapped.message).toBe("Someone with this email address was added at the same moment. Reload to see them.");
  });

  it("6 parallel exercises.create with one name: one exercise, the rest CONFLICT", async () => {
    const physio = callerAs(club.physio);
    const codes = await Promise.all(
      Array.from({ length: 6 }, () =>
        codeOf(physio.exercises.create({ name: "Race Bridge", category: "glute_core", phases: [1], hipFlexionDemand: "low" })),
      ),
    );
    expect(codes.filter((c) => c === "OK")).toHaveLength(1);
    expect(codes.filter((c) => c !== "OK").every((c) => c === "CONFLICT" || c === "BAD_REQUEST")).toBe(true);
  });

  it("6 parallel roster.move of one athlete: each OK or CONFLICT", async () => {
    const coach = callerAs(club.coach);
    const athleteId = club.athlete.athleteId!;
    const codes = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        codeOf(coach.roster.move({ athleteId, squadIds: i % 2 ? [club.squadIds.field] : [club.squadIds.distance, club.squadIds.field] })),
      ),
    );
    expect(codes.every((c) => c === "OK" || c === "CONFLICT")).toBe(true);
    // PGlite runs one transaction at a time, so the race above only bites on PostgreSQL; the
    // driver error it raises there (23505 on the membership key) maps like this:
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "squad_memberships_pk"'), {
      code: "23505",
      constraint_name: "squad_memberships_pk",
    });
    const mapped = mapError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: driverError }), { log: () => {} });
    expect(mapped.code).toBe("CONFLICT");
    expect(mapped.message).toMatch(/^This athlete's squads were changed at the same moment/);
  });

  it("check violations and invalid input from the database become BAD_REQUEST with a generic sentence", () => {
    for (const code of ["23514", "22001", "22003", "22021", "22P02"]) {
      const mapped = mapError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: Object.assign(new Error(`Failed query: insert ... (${code})`), { code }) }), {
        log: () => {},
      });
      expect([code, mapped.code, mapped.message]).toEqual([code, "BAD_REQUEST", "Some of the values you entered are not allowed. Check the form and try again."]);
    }
  });
});
