import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type DatabaseHandle } from "@loadline/db";
import { unavailableMessage } from "@loadline/domain";
import { createApiHandler } from "../src/http";
import type { LogRecord } from "../src/logger";
import { createTestDatabase, makeClub, NOW, type Club } from "./fixtures";

/**
 * A database that refuses connections (nothing listens on port 1) stands in for a server that is
 * down or restarting: every call answers at once with 503, Retry-After and one plain sentence,
 * never the SQL, and the log line names the request.
 */
let handle: DatabaseHandle;
let club: Club;
const down = openPostgres("postgres://postgres:x@127.0.0.1:1/loadline");
const logs: LogRecord[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Outage Club");
});
afterAll(async () => {
  await handle.close();
  await down.close();
});

const handler = createApiHandler({
  endpoint: "/api/trpc",
  createContext: async (requestId) => ({
    db: down.db,
    actor: club.athlete,
    now: NOW,
    requestId,
    log: (r: LogRecord) => logs.push(r),
  }),
});

describe("the database is unreachable", () => {
  it("a write answers 503 with Retry-After and the sentence, not SQL", async () => {
    const response = await handler(
      new Request("http://localhost/api/trpc/checkIns.create", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          json: {
            at: NOW,
            morningPain: 2,
            redFlags: [],
            idempotencyKey: "6a0f3e4e-8f0b-4d61-9c55-5b0d1e2f3a4b",
          },
        }),
      }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    const body = await response.text();
    expect(body).toContain(unavailableMessage);
    expect(body).not.toMatch(/select|insert|ECONNREFUSED|127\.0\.0\.1/i);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toBeTruthy();
    expect(body).toContain(requestId);
    expect(logs.some((l) => l.event === "database_unavailable" && l.requestId === requestId)).toBe(true);
  });

  it("a read of a batch answers 503 for every call", async () => {
    const response = await handler(
      new Request("http://localhost/api/trpc/me.profile,me.profile?batch=1&input={}"),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
  });
});
