import type { AthleteTimeline } from "../clinical/schemas/timeline";
import type { LoggedSession, MorningCheckIn } from "../clinical/schemas/logs";
import type { Plan } from "../clinical/schemas/plan";

/**
 * Deterministic, varied athlete timelines for benchmarks and equivalence tests: daily
 * check-ins (with the odd gap and red flag), runs with strides, hills and surface changes,
 * heavy strength, field work, weekly VISA-H, an injury episode with a phase that started at
 * different times, adjuncts with and without restrictions, capacity tests, gait assessments and
 * clinician reviews; some athletes are not in rehab. Built with the domain's output types (the
 * shape a row mapper produces), so no parsing is involved.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A small deterministic generator, so every run builds the same timelines. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

const surfaces = ["road", "track", "trail", "grass", "treadmill"] as const;

export function variedTimeline(athlete: number, days: number, now: Date): AthleteTimeline {
  const rnd = random(athlete * 7919 + days);
  const at = (daysAgo: number, hour: number) => new Date(now.getTime() - daysAgo * DAY - (20 - hour) * HOUR);
  const id = (prefix: string, n: number) => `${prefix}-${athlete}-${n}`;
  const inRehab = athlete % 5 !== 0;
  const phase = ((athlete % 4) + 1) as 1 | 2 | 3 | 4;
  // Phases that started a week, a few weeks or a long time ago.
  const phaseDaysAgo = [8, 30, 75, 240][athlete % 4] as number;
  const sessions: LoggedSession[] = [];
  const checkIns: MorningCheckIn[] = [];
  const visaH: AthleteTimeline["visaH"] = [];
  let base = 1 + (athlete % 3);
  for (let d = days - 1; d >= 0; d -= 1) {
    if (rnd() < 0.05) base = Math.min(6, Math.max(0, base + (rnd() < 0.5 ? -1 : 1)));
    // About one morning in twelve is not logged.
    if (rnd() > 0.08) {
      const redFlags: MorningCheckIn["redFlags"] = rnd() < 0.002 ? ["saddle_numbness"] : [];
      checkIns.push({
        id: id("c", d),
        at: at(d, 7),
        morningPain: Math.min(10, base + (rnd() < 0.15 ? 2 : 0)),
        loadTestPain: rnd() < 0.7 ? Math.min(10, base + Math.floor(rnd() * 3)) : undefined,
        restPain: rnd() < 0.3 ? Math.floor(rnd() * 2) : undefined,
        stiffnessMinutes: rnd() < 0.5 ? Math.floor(rnd() * 30) : undefined,
        longestSitMinutes: rnd() < 0.5 ? 20 + Math.floor(rnd() * 60) : undefined,
        sittingToleranceMinutes: rnd() < 0.5 ? 30 + Math.floor(rnd() * 40) : undefined,
        redFlags,
      });
    }
    const kind = d % 7;
    const common = {
      at: at(d, 17),
      rpe: 3 + Math.floor(rnd() * 5),
      painDuring: Math.min(10, Math.floor(rnd() * (base + 2))),
      painAfter: rnd() < 0.8 ? Math.min(10, Math.floor(rnd() * (base + 2))) : undefined,
      asPrescribed: rnd() < 0.9,
      heaviestRm: undefined,
      fullIntensity: rnd() < 0.05,
      fullTraining: rnd() < 0.1,
      notes: undefined,
    };
    if (kind === 0 || kind === 3 || kind === 5) {
      const hills = rnd() < 0.15;
      sessions.push({
        ...common,
        id: id("r", d),
        type: "run",
        activities: hills ? ["gentle_hills"] : [],
        categories: [],
        heavy: false,
        minutes: 25 + Math.floor(rnd() * 30),
        distanceKm: rnd() < 0.9 ? 4 + Math.floor(rnd() * 80) / 10 : undefined,
        elevationGainM: rnd() < 0.5 ? Math.floor(rnd() * 120) : undefined,
        steepestGradientPct: hills ? 4 + Math.floor(rnd() * 4) : undefined,
        surface: surfaces[Math.floor(rnd() * surfaces.length)],
        strides: rnd() < 0.2 ? 4 + Math.floor(rnd() * 4) : 0,
        sprints: rnd() < 0.05 ? 3 : 0,
        cadenceSpm: rnd() < 0.6 ? 160 + Math.floor(rnd() * 25) : undefined,
        walkRun: rnd() < 0.05,
      });
    } else if (kind === 1 || kind === 4) {
      const heavy = rnd() < 0.7;
      sessions.push({
        ...common,
        id: id("s", d),
        type: "strength",
        minutes: 40 + Math.floor(rnd() * 20),
        activities: [],
        categories: heavy ? ["heavy_slow_resistance"] : ["isometric"],
        heavy,
        heaviestRm: heavy ? 6 + Math.floor(rnd() * 6) : undefined,
      });
    } else if (kind === 6 && rnd() < 0.6) {
      sessions.push({ ...common, id: id("f", d), type: "field", minutes: 60, activities: rnd() < 0.3 ? ["sprint"] : [], categories: [], heavy: false });
    }
    if (d % 7 === 2) {
      const score = Math.min(10, 4 + Math.floor(((days - d) / days) * 5));
      visaH.push({ id: id("v", d), at: at(d, 9), items: [score, score, score, score, score, score, ([0, 4, 7, 10] as const)[athlete % 4] as 0 | 4 | 7 | 10, Math.min(30, score * 2)] });
    }
  }
  const phaseStartedAt = at(Math.min(phaseDaysAgo, Math.max(0, days - 1)), 10);
  const plan: Plan | null = inRehab
    ? {
        id: id("p", 0),
        athleteId: `a-${athlete}`,
        version: 1 + (athlete % 3),
        authorId: "physio",
        createdAt: phaseStartedAt,
        phase,
        phaseStartedAt,
        prescriptions: [],
        allowedActivities: phase === 1 && athlete % 2 === 0 ? ["easy_run"] : [],
        forbiddenActivities: [],
        thresholds: athlete % 7 === 0 ? { spacing: { relaxed: true } } : {},
        targetEasyRun: phase === 3 ? { distanceKm: 8 } : undefined,
        returnToSportElements: phase === 4 ? ["sprint"] : [],
        maintenancePlan: undefined,
        visaHBaseline: athlete % 2 === 0 ? 40 : undefined,
        notes: undefined,
      }
    : null;
  const recent = (n: number) => Math.min(n, Math.max(0, days - 1));
  return {
    athlete: {
      id: `a-${athlete}`,
      birthYear: 1980 + (athlete % 25),
      sex: undefined,
      sport: "800m",
      squadIds: ["sq-1"],
      preInjuryWeeklyKm: athlete % 3 === 0 ? null : 30 + (athlete % 20),
      previousHamstringInjury: athlete % 4 === 0,
      conditions: athlete % 11 === 0 ? ["diabetes"] : [],
      bmi: undefined,
      usualCadenceSpm: athlete % 2 === 0 ? 172 : undefined,
    },
    plan,
    sessions,
    checkIns,
    visaH,
    gaitAssessments: [
      { id: id("g", 1), at: at(recent(60), 11), assessorId: "coach", surface: "treadmill", speedKmh: 12, cadenceSpm: 168, faults: [{ code: "OVERSTRIDE", severity: 2, side: undefined }], cuesPrescribed: ["shorter steps"], notes: undefined, videoUrl: undefined },
      { id: id("g", 2), at: at(recent(10), 11), assessorId: "coach", surface: "overground", speedKmh: undefined, cadenceSpm: 174, faults: [], cuesPrescribed: [], notes: undefined, videoUrl: undefined },
    ],
    adjuncts:
      athlete % 6 === 0
        ? [
            { id: id("j", 1), at: at(recent(120), 12), kind: "prp", side: "left", parameters: undefined, provider: undefined, restrictions: athlete % 12 === 0 ? undefined : "No running for 2 weeks" },
            { id: id("j", 2), at: at(recent(12), 12), kind: "shockwave", side: undefined, parameters: "2,000 pulses", provider: undefined, restrictions: undefined },
          ]
        : [],
    capacityTests: [
      { id: id("t", 1), at: at(recent(90), 12), kind: "single_leg_bridge_reps", affected: 18, other: 25 },
      { id: id("t", 2), at: at(recent(20), 12), kind: "single_leg_bridge_reps", affected: 24, other: 26 },
      { id: id("t", 3), at: at(recent(20), 12), kind: "drop_lunge", pain: athlete % 3 },
      { id: id("t", 4), at: at(recent(40), 12), kind: "prone_curl_10rm", affected: 20, other: 24 },
    ],
    squadSessions: [
      { id: id("q", 1), at: new Date(now.getTime() + DAY), squadId: "sq-1", kind: "hills", notes: undefined },
      { id: id("q", 2), at: new Date(now.getTime() - 3 * DAY), squadId: "sq-1", kind: "easy_run", notes: undefined },
    ],
    reviews:
      athlete % 4 === 1
        ? [
            { id: id("w", 1), at: at(recent(200), 14), ruleId: "R4", reviewerId: "physio", note: undefined },
            { id: id("w", 2), at: at(recent(15), 14), ruleId: "R4", reviewerId: "physio", note: undefined },
            { id: id("w", 3), at: at(recent(45), 14), ruleId: "R19", reviewerId: "physio", note: undefined },
          ]
        : [],
  };
}
