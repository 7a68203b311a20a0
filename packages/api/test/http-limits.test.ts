import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import type { Actor } from "@loadline/domain";
import { createApiHandler, isCrossSiteRequest } from "../src/http";
import { createTestDatabase, makeClub, NOW, type Club } from "./fixtures";

/** The tRPC endpoint's request limits and cross-site refusal, through the real fetch handler. */

let handle: DatabaseHandle;
let club: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Limits Club");
});
afterAll(() => handle.close());

const handlerFor = (actor: Actor | null) =>
  createApiHandler({ endpoint: "/api/trpc", createContext: async (requestId) => ({ db: handle.db, actor, now: NOW, requestId, log: () => {} }) });

const BASE = "http://loadline.test/api/trpc";

function batchGet(count: number): Request {
  const paths = Array.from({ length: count }, () => "roster.squads").join(",");
  const input = Object.fromEntries(Array.from({ length: count }, (_, i) => [i, { json: null }]));
  return new Request(`${BASE}/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { "sec-fetch-site": "same-origin" },
  });
}

const inviteBody = (email: string) => JSON.stringify({ json: { name: "Cross Site", email, role: "physio" } });

describe("batches", () => {
  it("answers a batch of 10 calls", async () => {
    const response = await handlerFor(club.coach)(batchGet(10));
    expect(response.status).toBe(200);
    expect((await response.json()) as unknown[]).toHaveLength(10);
  });

  it("refuses a batch of 11 calls with 400", async () => {
    const response = await handlerFor(club.coach)(batchGet(11));
    expect(response.status).toBe(400);
  });
});

describe("request bodies", () => {
  it("refuses a body over 1 MB with 413, before reading it into tRPC", async () => {
    const body = JSON.stringify({ json: { name: "x".repeat(1_100_000), email: "big@limits.test", role: "physio" } });
    const response = await handlerFor(club.coach)(
      new Request(`${BASE}/staff.invite`, { method: "POST", body, headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" } }),
    );
    expect(response.status).toBe(413);
  });

  it("counts a body without Content-Length (a stream) too", async () => {
    const chunk = new TextEncoder().encode("x".repeat(300_000));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const request = new Request(`${BASE}/staff.invite`, { method: "POST", body: stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    expect((await handlerFor(club.coach)(request)).status).toBe(413);
  });
});

describe("cross-site requests", () => {
  const post = (headers: Record<string, string>, email: string) =>
    new Request(`${BASE}/staff.invite`, { method: "POST", body: inviteBody(email), headers: { "content-type": "application/json", host: "loadline.test", ...headers } });

  it("refuses a mutation sent from another site's page (Sec-Fetch-Site: cross-site), and writes nothing", async () => {
    const response = await handlerFor(club.coach)(post({ "sec-fetch-site": "cross-site" }, "csrf1@limits.test"));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("This request came from another site and was refused.");
    const staff = await (await handlerFor(club.coach)(new Request(`${BASE}/staff.list`, { headers: { "sec-fetch-site": "same-origin" } }))).text();
    expect(staff).not.toContain("csrf1@limits.test");
  });

  it("refuses an audited read from another site", async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { athleteId: club.athlete.athleteId } }));
    const response = await handlerFor(club.physio)(new Request(`${BASE}/episodes.list?input=${input}`, { headers: { "sec-fetch-site": "cross-site" } }));
    expect(response.status).toBe(403);
  });

  it("refuses an Origin of another host when Sec-Fetch-Site is absent", async () => {
    expect((await handlerFor(club.coach)(post({ origin: "https://evil.example" }, "csrf2@limits.test"))).status).toBe(403);
  });

  it("accepts the app's own requests", async () => {
    expect((await handlerFor(club.coach)(post({ "sec-fetch-site": "same-origin" }, "ok1@limits.test"))).status).toBe(200);
    expect((await handlerFor(club.coach)(post({ origin: "http://loadline.test" }, "ok2@limits.test"))).status).toBe(200);
  });

  it("decides from the headers alone (unit)", () => {
    const url = "http://app.test/api/trpc/x";
    const h = (init: Record<string, string>) => new Headers(init);
    expect(isCrossSiteRequest(h({ "sec-fetch-site": "same-origin" }), url)).toBe(false);
    expect(isCrossSiteRequest(h({ "sec-fetch-site": "none" }), url)).toBe(false);
    expect(isCrossSiteRequest(h({ "sec-fetch-site": "same-site" }), url)).toBe(true);
    expect(isCrossSiteRequest(h({ "sec-fetch-site": "cross-site", origin: "http://app.test" }), url)).toBe(true);
    expect(isCrossSiteRequest(h({ origin: "http://app.test", host: "app.test" }), url)).toBe(false);
    expect(isCrossSiteRequest(h({ origin: "https://app.test", host: "app.test", "x-forwarded-proto": "https" }), url)).toBe(false);
    expect(isCrossSiteRequest(h({ origin: "http://app.test.evil.example", host: "app.test" }), url)).toBe(true);
    expect(isCrossSiteRequest(h({ origin: "null", host: "app.test" }), url)).toBe(true);
    expect(isCrossSiteRequest(h({}), url)).toBe(false);
  });
});

describe("caching", () => {
  it("marks every API answer no-store, errors and refusals included", async () => {
    const ok = await handlerFor(club.coach)(new Request(`${BASE}/roster.squads`, { headers: { "sec-fetch-site": "same-origin" } }));
    const anonymous = await handlerFor(null)(new Request(`${BASE}/roster.squads`));
    const refused = await handlerFor(club.coach)(new Request(`${BASE}/roster.squads`, { headers: { "sec-fetch-site": "cross-site" } }));
    expect([ok.status, anonymous.status, refused.status]).toEqual([200, 401, 403]);
    for (const response of [ok, anonymous, refused]) expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
