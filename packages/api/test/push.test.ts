import type { IncomingHttpHeaders } from "node:http";
import { createServer, type Server } from "node:https";
import { Agent } from "node:https";
import type { AddressInfo } from "node:net";
import { generate } from "selfsigned";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@loadline/db";
import { auditLog, pushSubscriptions } from "@loadline/db/schema";
import type { PushSender } from "../src/push/push-sender";
import { inOrganisationScope } from "../src/tenant-scope";
import { callerFor, createTestDatabase, makeClub, NOW, TEST_AUTH, TEST_P256DH, testPushSender, type Club } from "./fixtures";

/**
 * Web Push: every role manages their own browsers' subscriptions, and a mention is pushed to
 * the mentioned colleague's subscriptions once the note has committed. The push service is a
 * local HTTPS server with a self-signed certificate the sender's agent trusts.
 */

let handle: DatabaseHandle;
let club: Club;
let other: Club;
let server: Server;
let origin: string;
let sender: PushSender;
/** What the local push service answers, per endpoint path (201 by default). */
const answers = new Map<string, number>();
const received: { path: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];

const keys = { p256dh: TEST_P256DH, auth: TEST_AUTH };
let endpointCounter = 0;
const endpoint = (name: string) => `${origin}/push/${name}-${++endpointCounter}`;
const pushed = (url: string) => received.filter((r) => r.path === new URL(url).pathname);

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Push Club");
  other = await makeClub(handle, "Other Push Club");
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keyType: "ec",
    curve: "P-256",
    extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }],
  });
  server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "";
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = answers.get(path) ?? 201;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sender = { ...testPushSender, agent: new Agent({ ca: pems.cert }) };
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await handle.close();
});

const rowsFor = (userId: string) => handle.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));

describe("push subscriptions", () => {
  it("is hidden when the server has no VAPID keys", async () => {
    const caller = callerFor(handle, club.coach);
    expect(await caller.push.status()).toEqual({ available: false, publicKey: null, subscriptions: 0 });
    await expect(caller.push.subscribe({ endpoint: endpoint("off"), keys })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("every role turns push on and off for their own browser, audited for staff", async () => {
    for (const actor of [club.coach, club.physio, club.athlete]) {
      const caller = callerFor(handle, actor, undefined, sender);
      const url = endpoint(actor.role);
      expect(await caller.push.subscribe({ endpoint: url, keys })).toEqual({ message: "Push notifications are on for this browser." });
      // The same browser subscribing again replaces its row.
      await caller.push.subscribe({ endpoint: url, keys });
      expect(await caller.push.status()).toEqual({ available: true, publicKey: sender.publicKey, subscriptions: 1 });
      expect(await caller.push.unsubscribe({ endpoint: url })).toEqual({ message: "Push notifications are off for this browser." });
      expect((await caller.push.status()).subscriptions).toBe(0);
      await expect(caller.push.unsubscribe({ endpoint: url })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const audited = await handle.db.select().from(auditLog).where(eq(auditLog.entity, "push_subscription"));
    expect(audited.filter((a) => a.actorId === club.coach.userId).map((a) => a.detail)).toEqual([
      "Turned on push notifications",
      "Turned on push notifications",
      "Turned off push notifications",
    ]);
  });

  it("refuses non-https endpoints and malformed keys, naming the field", async () => {
    const caller = callerFor(handle, club.coach, undefined, sender);
    await expect(caller.push.subscribe({ endpoint: "http://push.example.test/x", keys })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("endpoint must be an https:// URL") });
    await expect(caller.push.subscribe({ endpoint: endpoint("bad-key"), keys: { p256dh: "not base64!", auth: TEST_AUTH } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("keys.p256dh must be URL-safe base64"),
    });
  });

  it("another user, of this club or another, cannot remove or see someone's subscription", async () => {
    const url = endpoint("mine");
    await callerFor(handle, club.physio, undefined, sender).push.subscribe({ endpoint: url, keys });
    await expect(callerFor(handle, club.coach, undefined, sender).push.unsubscribe({ endpoint: url })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(handle, other.coach, undefined, sender).push.unsubscribe({ endpoint: url })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await callerFor(handle, other.physio, undefined, sender).push.status()).subscriptions).toBe(0);
    expect(await rowsFor(club.physio.userId)).toHaveLength(1);
    await callerFor(handle, club.physio, undefined, sender).push.unsubscribe({ endpoint: url });
  });

  it("refuses anonymous callers", async () => {
    await expect(callerFor(handle, null, undefined, sender).push.status()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("push delivery", () => {
  it("a mention is pushed to the colleague's browsers, encrypted and signed, without names or health data; a 410 removes the subscription", async () => {
    const coach = callerFor(handle, club.coach, undefined, sender);
    const live = endpoint("coach-live");
    const gone = endpoint("coach-gone");
    answers.set(new URL(gone).pathname, 410);
    await coach.push.subscribe({ endpoint: live, keys });
    await coach.push.subscribe({ endpoint: gone, keys });
    const staff = await coach.staff.list();
    const coachName = staff.find((s) => s.id === club.coach.userId)!.name;

    const physio = callerFor(handle, club.physio, undefined, sender);
    await physio.notes.add({ athleteId: club.athlete.athleteId!, visibility: "staff", body: `@${coachName} keep hills out this week` });

    await expect.poll(() => pushed(live).length, { timeout: 30_000 }).toBe(1);
    const request = pushed(live)[0]!;
    expect(request.headers["content-encoding"]).toBe("aes128gcm");
    expect(request.headers["ttl"]).toBe("86400");
    expect(request.headers["authorization"]).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${sender.publicKey}$`));
    // The body is encrypted to the browser's key: neither the athlete's name nor the note is readable.
    expect(request.body.length).toBeGreaterThan(0);
    expect(request.body.toString("latin1")).not.toMatch(/hills|Push Club|mention/i);

    // The push service said 410 Gone for the other browser: its row is deleted.
    await expect.poll(async () => (await rowsFor(club.coach.userId)).map((r) => r.endpoint), { timeout: 30_000 }).toEqual([live]);
    expect(pushed(gone)).toHaveLength(1);
  }, 60_000);

  it("a note without a mention, or a failed write, pushes nothing", async () => {
    const coach = callerFor(handle, club.coach, undefined, sender);
    const physio = callerFor(handle, club.physio, undefined, sender);
    const before = received.length;
    await physio.notes.add({ athleteId: club.athlete.athleteId!, visibility: "staff", body: "no mention here" });
    await expect(physio.notes.add({ athleteId: other.athlete.athleteId!, visibility: "staff", body: "@anyone" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A mention afterwards arrives; had the others pushed, they would have arrived before it.
    const coachName = (await coach.staff.list()).find((s) => s.id === club.coach.userId)!.name;
    await physio.notes.add({ athleteId: club.athlete.athleteId!, visibility: "staff", body: `@${coachName} ok` });
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(before + 1);
  }, 60_000);
});

describe("after commit", () => {
  it("runs a procedure's after-commit work only when its transaction commits, outside it", async () => {
    const ran: string[] = [];
    const scope = (ok: boolean) =>
      inOrganisationScope({ db: handle.db, actor: club.coach, now: NOW }, async (scoped) => {
        scoped.afterCommit!(async (db) => {
          ran.push(db === handle.db ? `${ok}: outside` : `${ok}: inside`);
        });
        return { ok };
      });
    await scope(false);
    await scope(true);
    await expect.poll(() => ran, { timeout: 10_000 }).toEqual(["true: outside"]);
  });
});
