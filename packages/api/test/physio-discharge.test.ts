import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { runPendingJobs } from "../src/jobs";
import { getAssessment } from "../src/services/assessments";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";
import { startRehab } from "./physio-helpers";

let handle: DatabaseHandle;
let club: Club;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Discharge Club");
});
afterAll(() => handle.close());

describe("closing an injury episode", () => {
  it("takes the athlete out of rehab, for the board and for Today, once the queue has run", async () => {
    const { episode, athleteId } = await startRehab(handle, club);
    await runPendingJobs(handle.db, NOW);
    const before = await getAssessment(handle.db, club.organisationId, athleteId, NOW);
    expect(before).toMatchObject({ inRehab: true, phase: 1, availability: "rehab" });

    await callerFor(handle, club.physio).episodes.close({ episodeId: episode.id, closingNote: "Back to full training" });
    await runPendingJobs(handle.db, NOW);

    const after = await getAssessment(handle.db, club.organisationId, athleteId, NOW);
    expect(after).toMatchObject({ inRehab: false, phase: null, availability: "available" });
    const today = await callerFor(handle, club.athlete).today.get();
    expect(JSON.stringify(today)).not.toContain("Double-leg bridge hold");
  });
});
