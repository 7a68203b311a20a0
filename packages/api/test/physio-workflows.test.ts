import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@loadline/db";
import type { VisaHInput } from "@loadline/domain";
import { runPendingJobs } from "../src/jobs";
import { refreshAssessments } from "../src/services/assessments";
import { callerFor, createTestDatabase, makeClub, NOW, type Club } from "./fixtures";
import { codeOf, errorOf, fieldsOf, insertRedFlagCheckIn, phase1Body, startRehab, validEpisode } from "./physio-helpers";

let handle: DatabaseHandle;
let club: Club;
let other: Club;
let athleteId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  club = await makeClub(handle, "Physio Club");
  other = await makeClub(handle, "Other Club");
  athleteId = club.athlete.athleteId!;
});
afterAll(() => handle.close());

describe("injury episodes", () => {
  it("refuses anonymous callers, coaches, athletes and other organisations", async () => {
    const input = { athleteId, episode: validEpisode(club) };
    expect(await codeOf(callerFor(handle, null).episodes.open(input))).toBe("UNAUTHORIZED");
    expect(await codeOf(callerFor(handle, club.coach).episodes.open(input))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.athlete).episodes.list({ athleteId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.coach).episodes.list({ athleteId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.physio).episodes.open({ athleteId, episode: validEpisode(other) }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, other.physio).episodes.list({ athleteId }))).toBe("NOT_FOUND");
  });

  it("names the bad field", async () => {
    const physio = callerFor(handle, club.physio);
    const bad = await errorOf(physio.episodes.open({ athleteId, episode: { ...validEpisode(club), side: "top" as "left" } }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(fieldsOf(bad)).toContain("episode.side");
    const future = await errorOf(physio.episodes.open({ athleteId, episode: { ...validEpisode(club), onsetDate: "2027-01-01" } }));
    expect(fieldsOf(future)).toEqual(["episode.onsetDate"]);
    const coachAsClinician = await errorOf(physio.episodes.open({ athleteId, episode: { ...validEpisode(club), owningClinicianId: club.coach.userId } }));
    expect(fieldsOf(coachAsClinician)).toEqual(["owningClinicianId"]);
  });

  it("opens, edits, records provocation tests and closes an episode", async () => {
    const physio = callerFor(handle, club.physio);
    const episode = await physio.episodes.open({ athleteId, episode: validEpisode(club) });
    expect(episode.status).toBe("active");
    expect(await codeOf(physio.episodes.open({ athleteId, episode: validEpisode(club) }))).toBe("CONFLICT");

    await physio.episodes.update({ episodeId: episode.id, episode: { ...validEpisode(club), diagnosisMethod: "mri", side: "both" } });
    const test = await physio.episodes.addTest({
      episodeId: episode.id,
      test: { test: "modified_bent_knee_stretch", side: "right", familiarPainReproduced: true, pain: 6 },
    });
    expect(fieldsOf(await errorOf(physio.episodes.addTest({ episodeId: episode.id, test: { test: "arabesque", side: "right", familiarPainReproduced: true, pain: 12 } })))).toEqual([
      "test.pain",
    ]);
    const { episodes, athlete } = await physio.episodes.list({ athleteId });
    expect(athlete.id).toBe(athleteId);
    expect(episodes[0]).toMatchObject({ diagnosisMethod: "mri", side: "both", owningClinicianName: `physio of Physio Club` });
    expect(episodes[0]!.provocationTests[0]!.info.accuracy).toEqual({ sensitivityPct: 89, specificityPct: 91 });

    expect(await codeOf(callerFor(handle, other.physio).episodes.removeTest({ testId: test.id }))).toBe("NOT_FOUND");
    await physio.episodes.removeTest({ testId: test.id });
    expect((await physio.episodes.list({ athleteId })).episodes[0]!.provocationTests).toEqual([]);

    expect(fieldsOf(await errorOf(physio.episodes.close({ episodeId: episode.id, closingNote: " " })))).toEqual(["closingNote"]);
    expect(await codeOf(callerFor(handle, other.physio).episodes.close({ episodeId: episode.id, closingNote: "x" }))).toBe("NOT_FOUND");
    const closed = await physio.episodes.close({ episodeId: episode.id, closingNote: "Discharged" });
    expect(closed.status).toBe("resolved");
    expect(await codeOf(physio.episodes.close({ episodeId: episode.id, closingNote: "again" }))).toBe("CONFLICT");
    expect((await physio.caseload.list()).map((r) => r.athleteId)).toEqual([]);
  });

  it("lists the club's physios as clinicians", async () => {
    expect(await callerFor(handle, club.physio).episodes.clinicians()).toEqual([{ id: club.physio.userId, name: "physio of Physio Club" }]);
    expect(await codeOf(callerFor(handle, club.coach).episodes.clinicians())).toBe("FORBIDDEN");
  });
});

describe("exercise library", () => {
  it("gives every organisation the standard library and lets physios add custom exercises", async () => {
    const physio = callerFor(handle, club.physio);
    const library = await physio.exercises.list();
    expect(library.map((e) => e.name)).toEqual(expect.arrayContaining(["Nordic curl", "Double-leg bridge hold", "Romanian deadlift"]));
    expect(library.find((e) => e.name === "Romanian deadlift")).toMatchObject({ heavy: true, hipFlexionDemand: "high", phases: [2, 3, 4] });
    const custom = await physio.exercises.create({ name: "Copenhagen plank", category: "glute_core", phases: [2, 3], hipFlexionDemand: "low" });
    expect(custom.custom).toBe(true);
    expect(fieldsOf(await errorOf(physio.exercises.create({ name: "Copenhagen plank", category: "glute_core", phases: [2], hipFlexionDemand: "low" })))).toEqual(["name"]);
    expect(fieldsOf(await errorOf(physio.exercises.create({ name: "X", category: "glute_core", phases: [], hipFlexionDemand: "low" })))).toEqual(
      expect.arrayContaining(["name", "phases"]),
    );
    expect((await callerFor(handle, other.physio).exercises.list()).some((e) => e.name === "Copenhagen plank")).toBe(false);
    expect(await codeOf(callerFor(handle, club.coach).exercises.list())).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, null).exercises.create({ name: "Y", category: "glute_core", phases: [1], hipFlexionDemand: "low" }))).toBe(
      "UNAUTHORIZED",
    );
  });
});

describe("versioned plans and phase changes", () => {
  let rehab: Awaited<ReturnType<typeof startRehab>>;
  const later = new Date(NOW.getTime() + 60_000);

  beforeAll(async () => {
    rehab = await startRehab(handle, club);
  });

  it("refuses a plan without an open episode and without a starting phase", async () => {
    const physio = callerFor(handle, other.physio);
    expect(await codeOf(physio.plans.save({ athleteId: other.athlete.athleteId!, baseVersion: 0, phase: 1, body: phase1Body() }))).toBe("PRECONDITION_FAILED");
    await physio.episodes.open({ athleteId: other.athlete.athleteId!, episode: validEpisode(other) });
    expect(fieldsOf(await errorOf(physio.plans.save({ athleteId: other.athlete.athleteId!, baseVersion: 0, body: phase1Body() })))).toEqual(["phase"]);
    expect(fieldsOf(await errorOf(physio.plans.save({ athleteId: other.athlete.athleteId!, baseVersion: -1, phase: 1, body: phase1Body() })))).toEqual([
      "baseVersion",
    ]);
  });

  it("writes version 1 and shows it to the athlete, but not to a coach or another organisation", async () => {
    expect(rehab.plan.version).toBe(1);
    const own = await callerFor(handle, club.athlete).plans.current({});
    expect(own.plan).toMatchObject({ version: 1, phase: 1, phaseName: "Calm the tendon (isometrics)" });
    expect(own.plan!.body.prescriptions[0]!.exercise).toBe("Double-leg bridge hold");
    expect(own.exitCriteria).toEqual([]);
    expect(await codeOf(callerFor(handle, club.athlete).plans.current({ athleteId: other.athlete.athleteId! }))).toBe("FORBIDDEN");
    // A coach reading clinical fields (plan detail, history, episodes, adjuncts) is refused.
    expect(await codeOf(callerFor(handle, club.coach).plans.current({ athleteId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.coach).plans.history({ athleteId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.coach).adjuncts.list({ athleteId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.physio).plans.current({ athleteId }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, other.physio).plans.save({ athleteId, baseVersion: 1, body: phase1Body(45) }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(handle, null).plans.current({ athleteId }))).toBe("UNAUTHORIZED");
    // The physio's view carries the engine's exit criteria once the plan's re-assessment has run.
    await runPendingJobs(handle.db, NOW);
    const physioView = await callerFor(handle, club.physio).plans.current({ athleteId });
    expect(physioView.exitCriteria.map((c) => c.id)).toEqual(["E1.1", "E1.2", "E1.3", "E1.4"]);
    expect(physioView.defaults.spacing.highLoadHours).toBe(72);
  });

  it("refuses the second of two saves based on the same version, naming the other change", async () => {
    const first = callerFor(handle, club.physio, later);
    const second = callerFor(handle, club.physio, later);
    const saved = await first.plans.save({ athleteId, baseVersion: 1, body: phase1Body(45) });
    expect(saved.version).toBe(2);
    expect(saved.changeSummary).toBe("Double-leg bridge hold: hold (seconds) 30 -> 45");
    const conflict = await errorOf(second.plans.save({ athleteId, baseVersion: 1, body: { ...phase1Body(), notes: "Other edit" } }));
    expect(conflict.code).toBe("CONFLICT");
    expect(conflict.message).toContain("version 2");
    expect(conflict.message).toContain("hold (seconds) 30 -> 45");
    expect(conflict.message).toContain("not saved");
    const history = await first.plans.history({ athleteId });
    expect(history.map((v) => v.version)).toEqual([2, 1]);
  });

  it("refuses a save that changes nothing and keeps phase changes to the phase gate", async () => {
    const physio = callerFor(handle, club.physio, later);
    expect(fieldsOf(await errorOf(physio.plans.save({ athleteId, baseVersion: 2, body: phase1Body(45) })))).toEqual(["_form"]);
    const kept = await physio.plans.save({ athleteId, baseVersion: 2, phase: 3, body: { ...phase1Body(45), allowedActivities: ["easy_run"] }, changeSummary: "Enable easy flat running" });
    expect(kept).toMatchObject({ version: 3, phase: 1, changeSummary: "Enable easy flat running" });
  });

  it("shows a readable diff of two versions", async () => {
    const diff = await callerFor(handle, club.physio, later).plans.diff({ athleteId, from: 1, to: 3 });
    expect(diff.changes.map((c) => c.summary)).toEqual(["Double-leg bridge hold: hold (seconds) 30 -> 45", "Allowed activities added: easy_run"]);
    expect(await codeOf(callerFor(handle, club.physio).plans.diff({ athleteId, from: 1, to: 9 }))).toBe("NOT_FOUND");
    expect(fieldsOf(await errorOf(callerFor(handle, club.physio).plans.diff({ athleteId, from: 0, to: 1 })))).toEqual(["from"]);
  });

  it("refuses an advance without every criterion met unless an override reason is written", async () => {
    const physio = callerFor(handle, club.physio, later);
    const refused = await errorOf(physio.plans.changePhase({ athleteId, baseVersion: 3, toPhase: 2 }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(fieldsOf(refused)).toEqual(["overrideReason"]);
    expect(fieldsOf(await errorOf(physio.plans.changePhase({ athleteId, baseVersion: 3, toPhase: 3, overrideReason: "x" })))).toEqual(["toPhase"]);
    expect(await codeOf(physio.plans.changePhase({ athleteId, baseVersion: 2, toPhase: 2, overrideReason: "x" }))).toBe("CONFLICT");
    expect(await codeOf(callerFor(handle, club.coach).plans.changePhase({ athleteId, baseVersion: 3, toPhase: 2, overrideReason: "x" }))).toBe("FORBIDDEN");

    const advanced = await physio.plans.changePhase({ athleteId, baseVersion: 3, toPhase: 2, overrideReason: "Pain settled in clinic" });
    expect(advanced).toMatchObject({ version: 4, phase: 2, phaseChange: "advance_override", phaseChangeReason: "Pain settled in clinic" });
    expect(advanced.phaseStartedAt.getTime()).toBe(later.getTime());
    expect(advanced.content.allowedActivities).toEqual([]);
    expect((await callerFor(handle, club.athlete, later).plans.current({})).plan!.phase).toBe(2);
    const history = await physio.plans.history({ athleteId });
    expect(history[0]).toMatchObject({ phaseChange: "advance_override", phaseChangeReason: "Pain settled in clinic" });
    expect(history[0]!.changeSummary).toContain("override");
  });

  it("moves back a phase only with a reason", async () => {
    const physio = callerFor(handle, club.physio, later);
    expect(fieldsOf(await errorOf(physio.plans.changePhase({ athleteId, baseVersion: 4, toPhase: 1 })))).toEqual(["reason"]);
    const back = await physio.plans.changePhase({ athleteId, baseVersion: 4, toPhase: 1, reason: "Flare after first heavy session" });
    expect(back).toMatchObject({ version: 5, phase: 1, phaseChange: "regress" });
    expect(await codeOf(callerFor(handle, other.physio).plans.changePhase({ athleteId, baseVersion: 5, toPhase: 2, overrideReason: "x" }))).toBe("NOT_FOUND");
  });

  it("records every read and write of clinical records in the audit log, for physios only", async () => {
    const log = await callerFor(handle, club.physio).audit.list({ athleteId });
    const details = log.map((e) => `${e.action}:${e.entity}:${e.detail}`);
    expect(details).toEqual(
      expect.arrayContaining([
        "write:injury_episode:Opened right-side episode",
        "write:plan_version:Saved plan version 1: Plan created in phase 1 (Calm the tendon (isometrics))",
        "read:plan_version:Viewed plan version 1",
        "read:plan_version:Compared plan versions 1 and 3",
        "write:plan_version:Moved back to phase 1: Flare after first heavy session",
        "read:injury_episode:Viewed 1 injury episode(s)",
      ]),
    );
    expect(log.some((e) => e.detail.startsWith("Advanced to phase 2 with override (") && e.detail.endsWith("Pain settled in clinic"))).toBe(true);
    expect(log.every((e) => e.actorRole === "physio")).toBe(true);
    expect(await codeOf(callerFor(handle, club.coach).audit.list({ athleteId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, other.physio).audit.list({ athleteId }))).toBe("NOT_FOUND");
    expect(fieldsOf(await errorOf(callerFor(handle, club.physio).audit.list({ athleteId: "nope" })))).toEqual(["athleteId"]);
  });
});

describe("adjunct treatments", () => {
  it("pauses progression after an injection until the physio enters restrictions (R22)", async () => {
    const physio = callerFor(handle, club.physio);
    const injection = await physio.adjuncts.record({ athleteId, at: new Date(NOW.getTime() - 86_400_000), kind: "corticosteroid_injection", side: "right", provider: "Dr Lee" });
    expect(injection.pausesProgression).toBe(true);
    await runPendingJobs(handle.db, NOW);
    const blocked = await physio.plans.current({ athleteId });
    expect(blocked.progressionBlocks.map((b) => b.ruleId)).toContain("R22");

    expect(fieldsOf(await errorOf(physio.adjuncts.enterRestrictions({ adjunctId: injection.id, restrictions: "" })))).toEqual(["restrictions"]);
    await physio.adjuncts.enterRestrictions({ adjunctId: injection.id, restrictions: "No heavy loading for 2 weeks" });
    const list = await physio.adjuncts.list({ athleteId });
    expect(list[0]).toMatchObject({ kind: "corticosteroid_injection", restrictions: "No heavy loading for 2 weeks", pausesProgression: false, recordedByName: "physio of Physio Club" });
    await runPendingJobs(handle.db, NOW);
    expect((await physio.plans.current({ athleteId })).progressionBlocks.map((b) => b.ruleId)).not.toContain("R22");
  });

  it("validates and guards recording", async () => {
    const physio = callerFor(handle, club.physio);
    expect(fieldsOf(await errorOf(physio.adjuncts.record({ athleteId, at: NOW, kind: "massage" as "prp" })))).toEqual(["kind"]);
    expect(fieldsOf(await errorOf(physio.adjuncts.record({ athleteId, at: new Date(NOW.getTime() + 86_400_000), kind: "prp" })))).toEqual(["at"]);
    expect(await codeOf(callerFor(handle, club.coach).adjuncts.record({ athleteId, at: NOW, kind: "shockwave" }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, null).adjuncts.record({ athleteId, at: NOW, kind: "shockwave" }))).toBe("UNAUTHORIZED");
    expect(await codeOf(callerFor(handle, other.physio).adjuncts.record({ athleteId, at: NOW, kind: "shockwave" }))).toBe("NOT_FOUND");
    const [first] = await physio.adjuncts.list({ athleteId });
    expect(await codeOf(callerFor(handle, other.physio).adjuncts.enterRestrictions({ adjunctId: first!.id, restrictions: "x" }))).toBe("NOT_FOUND");
  });
});

describe("escalations", () => {
  let alertId: string;

  beforeAll(async () => {
    await insertRedFlagCheckIn(handle, club, new Date(NOW.getTime() - 3_600_000), "red-flag-1");
    // Assessed directly: these tests are about the escalation workflow; the queue path that
    // normally runs this is covered by reassessment-queue.test.ts.
    await refreshAssessments(handle.db, club.organisationId, [athleteId], NOW);
  });

  it("puts red-flag answers in the physio's queue with the evidence, and first on the caseload", async () => {
    const physio = callerFor(handle, club.physio);
    const queue = await physio.escalations.list();
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ ruleId: "R20", severity: "escalate", athleteName: "athlete of Physio Club", sensitive: true });
    expect(JSON.stringify(queue[0]!.evidence)).toContain("night_pain_waking");
    alertId = queue[0]!.id;
    // A second athlete with an open episode but no escalation is listed after.
    const caseload = await physio.caseload.list();
    expect(caseload[0]).toMatchObject({ athleteId, openEscalations: 1, worstOpenSeverity: "escalate", phase: 1 });
  });

  it("shows coaches only 'medical review needed', never the red-flag answers", async () => {
    const summary = await callerFor(handle, club.coach).escalations.summary();
    expect(summary).toEqual([expect.objectContaining({ athleteId, message: "Medical review needed", acknowledged: false })]);
    expect(JSON.stringify(summary)).not.toContain("night_pain");
    expect(await codeOf(callerFor(handle, club.coach).escalations.list())).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(handle, club.athlete).escalations.summary())).toBe("FORBIDDEN");
    expect(await callerFor(handle, other.coach).escalations.summary()).toEqual([]);
  });

  it("acknowledges and resolves with a note, which lifts the R20 block", async () => {
    const physio = callerFor(handle, club.physio);
    expect(await codeOf(callerFor(handle, other.physio).escalations.acknowledge({ alertId }))).toBe("NOT_FOUND");
    const acknowledged = await physio.escalations.acknowledge({ alertId, note: "Called the athlete" });
    expect(acknowledged.acknowledgeNote).toBe("Called the athlete");
    expect(fieldsOf(await errorOf(physio.escalations.resolve({ alertId, note: "  " })))).toEqual(["note"]);
    expect(await codeOf(callerFor(handle, club.coach).escalations.resolve({ alertId, note: "x" }))).toBe("FORBIDDEN");
    const resolved = await physio.escalations.resolve({ alertId, note: "GP review: mechanical night pain, no red flag pathology" });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(await codeOf(physio.escalations.resolve({ alertId, note: "again" }))).toBe("CONFLICT");
    expect(await codeOf(physio.escalations.acknowledge({ alertId }))).toBe("CONFLICT");
    expect(await physio.escalations.list()).toEqual([]);
    expect((await physio.escalations.list({ includeResolved: true })).map((a) => a.resolvedByName)).toEqual(["physio of Physio Club"]);
    await runPendingJobs(handle.db, NOW);
    expect((await physio.caseload.list())[0]).toMatchObject({ openEscalations: 0 });
    expect((await physio.plans.current({ athleteId })).progressionBlocks.map((b) => b.ruleId)).not.toContain("R20");
    const log = await physio.audit.list({ athleteId });
    expect(log.map((e) => e.detail)).toEqual(expect.arrayContaining(["Acknowledged R20", "Resolved R20: GP review: mechanical night pain, no red flag pathology"]));
  });
});

describe("the caseload's VISA-H filter", () => {
  it("counts an improvement only when it reaches the meaningful change (13 points by default), not any gain", async () => {
    const visaClub = await makeClub(handle, "Visa Club");
    const { athleteId: id } = await startRehab(handle, visaClub);
    const physio = callerFor(handle, visaClub.physio);
    const questionnaire = (days: number, items: VisaHInput["items"]) => ({
      athleteId: id,
      idempotencyKey: `visa-filter-${days}`,
      at: new Date(NOW.getTime() - days * 86_400_000),
      items,
    });
    await physio.visaH.submit(questionnaire(20, [6, 6, 7, 5, 6, 5, 4, 15]));
    await physio.visaH.submit(questionnaire(6, [8, 7, 7, 6, 6, 5, 4, 15]));
    const row = async () => (await physio.caseload.list()).find((r) => r.athleteId === id);
    expect(await row()).toMatchObject({ visaHChange: 4, visaHMeaningfulImprovement: false });
    await physio.visaH.submit(questionnaire(1, [8, 8, 8, 7, 8, 7, 7, 20]));
    expect(await row()).toMatchObject({ visaHChange: 19, visaHMeaningfulImprovement: true });
    // A plan that asks for 20 points: +19 is no longer meaningful, on the caseload and on the athlete's own page.
    await physio.plans.save({ athleteId: id, baseVersion: 1, phase: 1, body: { ...phase1Body(), thresholds: { visaH: { meaningfulChange: 20 } } } });
    await runPendingJobs(handle.db, NOW);
    expect(await row()).toMatchObject({ visaHChange: 19, visaHMeaningfulImprovement: false });
    expect((await callerFor(handle, visaClub.athlete).visaH.mine()).change).toMatchObject({ change: 19, meaningfulImprovement: false });
  });
});
