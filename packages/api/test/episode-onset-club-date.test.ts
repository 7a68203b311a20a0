import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { organisations } from "@loadline/db/schema";
import { callerFor, createTestDatabase, makeClub, type Club } from "./fixtures";
import { errorOf, validEpisode } from "./physio-helpers";

/**
 * "Onset date cannot be in the future" is decided on the club's calendar date. At each clock
 * below UTC's date and the club's differ, so a check on the UTC date gets both cases wrong.
 */

let handle: DatabaseHandle;
let auckland: Club;
let losAngeles: Club;

async function inZone(club: Club, timeZone: string) {
  await handle.db.update(organisations).set({ timeZone }).where(eq(organisations.id, club.organisationId));
}

beforeAll(async () => {
  handle = await createTestDatabase();
  auckland = await makeClub(handle, "Onset Auckland");
  losAngeles = await makeClub(handle, "Onset Los Angeles");
  await inZone(auckland, "Pacific/Auckland");
  await inZone(losAngeles, "America/Los_Angeles");
});
afterAll(() => handle.close());

describe("an episode's onset date against the club's today", () => {
  it("accepts the club's today while UTC is still on the day before (Auckland, UTC+13)", async () => {
    // 12:00 UTC on 21 Nov is 01:00 on 22 Nov in Auckland.
    const now = new Date("2026-11-21T12:00:00Z");
    const physio = callerFor(handle, auckland.physio, now);
    const opened = await physio.episodes.open({ athleteId: auckland.athlete.athleteId!, episode: { ...validEpisode(auckland), onsetDate: "2026-11-22" } });
    expect(opened.onsetDate).toBe("2026-11-22");
    await physio.episodes.update({ episodeId: opened.id, episode: { ...validEpisode(auckland), onsetDate: "2026-11-22", clinicalNotes: "Edited on the club's today." } });
  });

  it("refuses the club's tomorrow once UTC has turned over (Los Angeles, UTC-8)", async () => {
    // 03:00 UTC on 22 Nov is 19:00 on 21 Nov in Los Angeles.
    const now = new Date("2026-11-22T03:00:00Z");
    const physio = callerFor(handle, losAngeles.physio, now);
    const error = await errorOf(physio.episodes.open({ athleteId: losAngeles.athlete.athleteId!, episode: { ...validEpisode(losAngeles), onsetDate: "2026-11-22" } }));
    expect(error.code).toBe("BAD_REQUEST");
    expect((error.cause as { fieldErrors?: Record<string, string[]> }).fieldErrors).toEqual({ "episode.onsetDate": ["Onset date cannot be in the future"] });
    const opened = await physio.episodes.open({ athleteId: losAngeles.athlete.athleteId!, episode: { ...validEpisode(losAngeles), onsetDate: "2026-11-21" } });
    const edit = await errorOf(physio.episodes.update({ episodeId: opened.id, episode: { ...validEpisode(losAngeles), onsetDate: "2026-11-22" } }));
    expect(edit.code).toBe("BAD_REQUEST");
  });
});
