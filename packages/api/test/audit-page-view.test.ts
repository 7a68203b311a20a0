import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAuditEntries, type DatabaseHandle } from "@loadline/db";
import { SYSTEM_ACTOR_ID } from "@loadline/domain";
import { createCaller } from "../src";
import { createTestDatabase, makeClub, NOW, type Club } from "./fixtures";

/** The physio's audit log: one read per page view, however often the page refetches. */

let handle: DatabaseHandle;
let club: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Page View Club");
});
afterAll(() => handle.close());

const VIEW_A = "6f1c4a52-0c4e-4f3a-9a57-6a8f3c2f0a01";
const VIEW_B = "6f1c4a52-0c4e-4f3a-9a57-6a8f3c2f0a02";

const physioIn = (pageViewId: string | null) => createCaller({ db: handle.db, actor: club.physio, now: NOW, pageViewId });

async function episodeReads(): Promise<number> {
  const log = await physioIn(null).audit.list({ athleteId: club.athlete.athleteId! });
  return log.filter((entry) => entry.action === "read" && entry.entity === "injury_episode").length;
}

describe("audit reads per page view", () => {
  it("records a read once per page view: refetches with the same id add nothing, a new view adds one", async () => {
    const athleteId = club.athlete.athleteId!;
    const before = await episodeReads();
    for (let i = 0; i < 3; i++) await physioIn(VIEW_A).episodes.list({ athleteId });
    expect(await episodeReads()).toBe(before + 1);
    await physioIn(VIEW_B).episodes.list({ athleteId });
    expect(await episodeReads()).toBe(before + 2);
  });

  it("a read without a page view (an API client) is recorded every time", async () => {
    const athleteId = club.athlete.athleteId!;
    const before = await episodeReads();
    await physioIn(null).episodes.list({ athleteId });
    await physioIn(null).episodes.list({ athleteId });
    expect(await episodeReads()).toBe(before + 2);
  });

});

describe("entries without a user", () => {
  it("lists what the system wrote, and what a since-deleted user wrote, by name", async () => {
    const athleteId = club.athlete.athleteId!;
    const deletedUser = "6f1c4a52-0c4e-4f3a-9a57-6a8f3c2f0aff";
    await insertAuditEntries(handle.db, club.organisationId, [
      { actorId: SYSTEM_ACTOR_ID, athleteId, action: "write", entity: "athlete", detail: "system wrote this", at: NOW },
      { actorId: deletedUser, athleteId, action: "write", entity: "athlete", detail: "a deleted user wrote this", at: NOW },
    ]);
    const log = await physioIn(null).audit.list({ athleteId });
    expect(log.find((e) => e.detail === "system wrote this")).toMatchObject({ actorName: "Loadline (automatic)", actorRole: "system" });
    expect(log.find((e) => e.detail === "a deleted user wrote this")).toMatchObject({ actorName: "A deleted user", actorRole: "removed" });
  });
});
