import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";
import { codeOf, phase1Body, startRehab } from "./physio-helpers";

let handle: DatabaseHandle;
let club: Club;
let other: Club;
let athleteId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Report Club");
  other = await makeClub(handle, "Stranger Club");
  athleteId = club.athlete.athleteId!;
  await startRehab(handle, club, new Date(NOW.getTime() - 10 * 86_400_000));
  const physio = callerFor(handle, club.physio);
  await physio.plans.save({ athleteId, baseVersion: 1, changeSummary: "Longer holds", body: phase1Body(45) });
  const episode = (await physio.episodes.list({ athleteId })).episodes[0]!;
  await physio.episodes.addTest({ episodeId: episode.id, test: { test: "puranen_orava", side: "right", familiarPainReproduced: true, pain: 4 } });
});
afterAll(() => handle.close());

describe("reports.handover", () => {
  it("gives a physio the clinical record and audits the download", async () => {
    const report = await callerFor(handle, club.physio).reports.handover({ athleteId });
    if (report.audience !== "physio") throw new Error("expected the physio's report");
    expect(report.episode?.diagnosisMethod).toBe("clinical");
    expect(report.episode?.provocationTests[0]).toMatchObject({ label: "Puranen-Orava", accuracy: { sensitivityPct: 76, specificityPct: 82 } });
    expect(report.phase).toMatchObject({ phase: 1, daysInPhase: 10 });
    expect(report.plan).toMatchObject({ version: 2, changeSummary: "Longer holds" });
    expect(report.plan?.lastChanges.map((c) => c.summary).join(" ")).toMatch(/hold/i);
    expect(report.phaseHistory).toEqual([expect.objectContaining({ version: 1, phase: 1, signedOffBy: "physio of Report Club" })]);
    expect(report.weeklyVolume).toHaveLength(8);
    const audit = await callerFor(handle, club.physio).audit.list({ athleteId });
    expect(audit.some((e) => e.entity === "handover_report" && e.detail.includes("physio"))).toBe(true);
  });

  it("gives a coach the coach-safe version: no episode, plan, exit checklist, VISA-H or adjuncts", async () => {
    const report = await callerFor(handle, club.coach).reports.handover({ athleteId });
    expect(report.audience).toBe("coach");
    const text = JSON.stringify(report);
    for (const field of ["episode", "provocationTests", "exitCriteria", "visaH", "adjuncts", "restrictions", "Deep buttock pain", "Longer holds", "Lumbar"]) {
      expect(text).not.toContain(field);
    }
    expect(report.phase?.phase).toBe(1);
    const audit = await callerFor(handle, club.physio).audit.list({ athleteId });
    expect(audit.some((e) => e.entity === "handover_report" && e.detail.includes("coach"))).toBe(true);
  });

  it("refuses athletes, anonymous callers and staff of another club", async () => {
    expect(await codeOf(callerFor(handle, club.athlete).reports.handover({ athleteId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, null).reports.handover({ athleteId }))).toBe("UNAUTHORIZED");
    expect(await codeOf(callerFor(handle, other.physio).reports.handover({ athleteId }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, other.coach).reports.handover({ athleteId }))).toBe("NOT_FOUND");
  });
});
