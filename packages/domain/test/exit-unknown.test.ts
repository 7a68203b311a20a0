import { describe, expect, it } from "vitest";
import { assessAthlete, exitCriterionDataNeeded, intervalInWords, visaHDueByDefault, visaHDueForAssessment, type AthleteTimeline } from "../src/clinical";
import { NOW, ago, checkIn, run, strength, timeline } from "./helpers";
import { mornings } from "./mornings";

const criteria = (t: AthleteTimeline) => assessAthlete(t, NOW).exitCriteria;
const byId = (t: AthleteTimeline, id: string) => criteria(t).find((c) => c.id === id);

describe("exit criteria: unknown means no data", () => {
  it("on an empty timeline every criterion of every phase is unknown, with what would settle it", () => {
    for (const phase of [1, 2, 3, 4] as const) {
      const plan = { targetEasyRun: { distanceKm: 5 }, returnToSportElements: ["sprint"] };
      for (const c of criteria(timeline({ phase, plan, athlete: { id: "a", preInjuryWeeklyKm: 40 } }))) {
        expect(c.status, `${c.id} on an empty timeline`).toBe("unknown");
        expect(c.dataNeeded, c.id).toBe(exitCriterionDataNeeded[c.id]);
      }
    }
  });

  it("a met or not-met criterion has no data-needed sentence", () => {
    const c = byId(timeline({ phase: 2, checkIns: [checkIn(1, { restPain: 2 })] }), "E2.1");
    expect(c).toMatchObject({ status: "not_met", dataNeeded: null });
  });

  it("E1.2 isometrics: none logged is unknown; some logged but too few is not met", () => {
    expect(byId(timeline({ phase: 1 }), "E1.2")?.status).toBe("unknown");
    const three = [1, 2, 3].map((d) => strength({ at: ago(d), categories: ["isometric"] }));
    expect(byId(timeline({ phase: 1, sessions: three, checkIns: mornings(5) }), "E1.2")?.status).toBe("not_met");
  });

  it("E1.4 needs a check-in in the last 7 days to say 'no open red flag'", () => {
    expect(byId(timeline({ phase: 1, checkIns: [checkIn(6)] }), "E1.4")?.status).toBe("met");
    expect(byId(timeline({ phase: 1, checkIns: [checkIn(8)] }), "E1.4")?.status).toBe("unknown");
  });

  it("E3.2: no strides or hill runs is unknown; tried and not green is not met", () => {
    expect(byId(timeline({ sessions: [run({ at: ago(3) })], checkIns: mornings(5) }), "E3.2")?.status).toBe("unknown");
    const painful = [run({ at: ago(8), strides: 4, painDuring: 4 }), run({ at: ago(4), steepestGradientPct: 4, painDuring: 4 })];
    expect(byId(timeline({ sessions: painful, checkIns: mornings(10) }), "E3.2")?.status).toBe("not_met");
  });

  it("E3.3: no run in the last 14 days is unknown, not 0 %", () => {
    const athlete = { id: "a", preInjuryWeeklyKm: 40 };
    expect(byId(timeline({ athlete, sessions: [run({ at: ago(15) })] }), "E3.3")?.status).toBe("unknown");
    expect(byId(timeline({ athlete, sessions: [run({ at: ago(13), distanceKm: 5 })] }), "E3.3")?.status).toBe("not_met");
  });

  it("E4.2: no session in the last 2 weeks is unknown; sessions without full training are not met", () => {
    expect(byId(timeline({ phase: 4 }), "E4.2")?.status).toBe("unknown");
    expect(byId(timeline({ phase: 4, sessions: [strength({ at: ago(2) })], checkIns: mornings(4) }), "E4.2")?.status).toBe("not_met");
  });
});

describe("VISA-H recency", () => {
  const visa = (daysAgo: number, total8: number) => [{ id: `v${daysAgo}`, at: ago(daysAgo), items: [10, 10, 10, 10, 10, 10, 10, total8] }];

  it("a questionnaire 28 days old still counts; older is unknown with 'VISA-H due'", () => {
    expect(byId(timeline({ phase: 4, visaH: visa(28, 30) }), "E4.3")).toMatchObject({ status: "met", dataNeeded: null });
    const stale = byId(timeline({ phase: 4, visaH: visa(28.01, 30) }), "E4.3");
    expect(stale?.status).toBe("unknown");
    expect(stale?.dataNeeded).toMatch(/^VISA-H due: the last questionnaire \(3 Feb 2025\) is more than 28 days old/);
  });

  it("applies to E2.6 as well, and the validity is a plan threshold", () => {
    const plan = { visaHBaseline: 40 };
    expect(byId(timeline({ phase: 2, plan, visaH: visa(30, 30) }), "E2.6")?.status).toBe("unknown");
    expect(byId(timeline({ phase: 2, plan: { ...plan, thresholds: { visaH: { validityDays: 35 } } }, visaH: visa(30, 30) }), "E2.6")?.status).toBe("met");
  });

  it("the summary says when the next one is due: 14 days after the last, or at once when no longer valid", () => {
    const fresh = assessAthlete(timeline({ visaH: visa(13, 20) }), NOW).visaH;
    expect(fresh).toMatchObject({ current: true, due: false, dueAt: ago(-1) });
    expect(assessAthlete(timeline({ visaH: visa(14, 20) }), NOW).visaH).toMatchObject({ current: true, due: true });
    expect(assessAthlete(timeline({ visaH: visa(29, 20) }), NOW).visaH).toMatchObject({ current: false, due: true });
  });

  it("Today shows VISA-H as due when an exit criterion waits for one, and on the reminder otherwise", () => {
    const stale = assessAthlete(timeline({ phase: 4, visaH: visa(30, 30) }), NOW);
    expect(visaHDueForAssessment(ago(30), stale)).toMatchObject({ due: true, forExitCriteria: true, message: expect.stringMatching(/^VISA-H due/) });
    const fresh = assessAthlete(timeline({ phase: 4, visaH: visa(3, 30) }), NOW);
    expect(visaHDueForAssessment(ago(3), fresh)).toMatchObject({ due: false, forExitCriteria: false, message: null });
    const reminder = assessAthlete(timeline({ plan: null, visaH: visa(15, 30) }), NOW);
    expect(visaHDueForAssessment(ago(15), reminder)).toMatchObject({
      due: true,
      forExitCriteria: false,
      message: "VISA-H due: it has been 2 weeks since your last questionnaire.",
    });
    expect(visaHDueForAssessment(null, reminder).message).toBe("VISA-H due: your first questionnaire sets your baseline.");
  });

  it("says the plan's own reminder interval, not the default's", () => {
    const tenDays = assessAthlete(timeline({ phase: 2, plan: { thresholds: { visaH: { reminderIntervalDays: 10 } } }, visaH: visa(11, 30) }), NOW);
    expect(visaHDueForAssessment(ago(11), tenDays)).toMatchObject({ due: true, message: "VISA-H due: it has been 10 days since your last questionnaire." });
    // Counted at the request's clock when given, not the (possibly older) assessment's.
    expect(visaHDueForAssessment(ago(9), tenDays, NOW).due).toBe(false);
    expect(visaHDueForAssessment(ago(9), tenDays, new Date(NOW.getTime() + 2 * 86_400_000)).due).toBe(true);
    // Without an assessment to read (records needing attention): the default interval, still a sentence.
    expect(visaHDueByDefault(ago(15), NOW)).toMatchObject({ due: true, message: "VISA-H due: it has been 2 weeks since your last questionnaire." });
    expect(visaHDueByDefault(null, NOW).message).toBe("VISA-H due: your first questionnaire sets your baseline.");
    expect(intervalInWords(7)).toBe("a week");
    expect(intervalInWords(21)).toBe("3 weeks");
  });
});
