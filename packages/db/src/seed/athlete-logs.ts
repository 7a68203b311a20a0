import { inArray } from "drizzle-orm";
import { athleteProfiles, logRevisions, morningCheckIns, sessionLogs, visaHResponses } from "../schema";
import { DAY_MS, type SeedContext, type SeedTx } from "./context";

/*
 * Athlete logs for the demo club, seeded after the clinical seed that creates the
 * episodes and plans. Maya Okafor (the demo athlete) gets ~8 weeks: the mileage jump that
 * caused her tendinopathy, phase 1 isometrics (only 5 done at full dose, matching the physio's
 * override note), then phase 2 heavy slow resistance twice a week with walking and cycling in
 * between, one red outcome (13 days ago) and one amber (4 days ago), daily check-ins except
 * today, and two VISA-H responses (the next is due). Daniel (phase 3), Kai (phase 1), Grace
 * (phase 4) and ten healthy athletes of both squads get 2-3 lighter weeks so the coach board
 * has sparklines, weekly volumes and ACWR. Rory and Tom are left to the squad-planning seed.
 * Deterministic: a seeded generator, and every idempotency key starts with "seed-athlete-".
 */

type SessionInsert = typeof sessionLogs.$inferInsert;
type CheckInInsert = typeof morningCheckIns.$inferInsert;

/** mulberry32: a tiny deterministic generator, so every seed run makes the same club. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Builder {
  sessions: SessionInsert[];
  checkIns: CheckInInsert[];
}

export async function seedAthleteLogs(tx: SeedTx, context: SeedContext): Promise<void> {
  const { organisationId } = context;
  /** A time on the calendar day `days` before the seed day, at `hour` (UTC); never after `now`. */
  const on = (days: number, hour: number): Date => {
    const midnight = Math.floor(context.now.getTime() / DAY_MS) * DAY_MS - days * DAY_MS;
    return new Date(Math.min(midnight + hour * 3_600_000, context.now.getTime() - 60_000));
  };
  const emails = [
    "athlete@loadline.demo",
    "daniel.osei@loadline.demo",
    "kai.nakamura@loadline.demo",
    "grace.oneill@loadline.demo",
    ...healthy.map((h) => h.email),
  ];
  const ids = new Map(emails.map((email) => [email, context.athleteId(email)]));
  const profiles = await tx
    .select({ id: athleteProfiles.id, userId: athleteProfiles.userId })
    .from(athleteProfiles)
    .where(inArray(athleteProfiles.id, [...ids.values()]));
  const userOf = new Map(profiles.map((p) => [p.id, p.userId]));

  const all: Builder = { sessions: [], checkIns: [] };
  let counter = 0;
  const session = (email: string, at: Date, values: Omit<SessionInsert, "organisationId" | "athleteId" | "at" | "idempotencyKey" | "loggedById">) => {
    const athleteId = ids.get(email)!;
    all.sessions.push({
      organisationId,
      athleteId,
      at,
      idempotencyKey: `seed-athlete-session-${++counter}`,
      loggedById: userOf.get(athleteId)!,
      // Saved an hour after it started, so logs of the last day are still editable.
      createdAt: new Date(Math.min(at.getTime() + 3_600_000, context.now.getTime())),
      ...values,
    });
  };
  const checkIn = (email: string, at: Date, values: Omit<CheckInInsert, "organisationId" | "athleteId" | "at" | "idempotencyKey">) => {
    all.checkIns.push({
      organisationId,
      athleteId: ids.get(email)!,
      at,
      idempotencyKey: `seed-athlete-check-in-${++counter}`,
      createdAt: at,
      ...values,
    });
  };

  seedMaya(session, checkIn, on);
  seedRehabAthletes(session, checkIn, on);
  seedHealthyAthletes(session, checkIn, on);

  const insertedSessions = await tx.insert(sessionLogs).values(all.sessions).returning();
  const insertedCheckIns = await tx.insert(morningCheckIns).values(all.checkIns).returning();
  // Every log starts its history with a "create" revision, as logs saved through the app do.
  const revisions = [
    ...insertedSessions.map((row) => ({ kind: "session" as const, row, by: row.loggedById })),
    ...insertedCheckIns.map((row) => ({ kind: "check_in" as const, row, by: userOf.get(row.athleteId)! })),
  ].map(({ kind, row, by }) => ({
    organisationId,
    athleteId: row.athleteId,
    logKind: kind,
    logId: row.id,
    action: "create" as const,
    data: JSON.parse(JSON.stringify(row)) as Record<string, unknown>,
    changedById: by,
    changedAt: row.createdAt,
  }));
  for (let i = 0; i < revisions.length; i += 500) await tx.insert(logRevisions).values(revisions.slice(i, i + 500));

  // Maya's two VISA-H responses: a baseline early in phase 1 and one early in phase 2.
  const maya = ids.get("athlete@loadline.demo")!;
  await tx.insert(visaHResponses).values([
    { organisationId, athleteId: maya, at: on(45, 19), items: [4, 5, 6, 4, 5, 4, 4, 16], total: 48, completedById: userOf.get(maya)!, idempotencyKey: "seed-athlete-visa-h-1", createdAt: on(45, 19) },
    { organisationId, athleteId: maya, at: on(17, 19), items: [6, 5, 7, 5, 6, 5, 4, 20], total: 58, completedById: userOf.get(maya)!, idempotencyKey: "seed-athlete-visa-h-2", createdAt: on(17, 19) },
  ]);
}

type SessionFn = (email: string, at: Date, values: Omit<SessionInsert, "organisationId" | "athleteId" | "at" | "idempotencyKey" | "loggedById">) => void;
type CheckInFn = (email: string, at: Date, values: Omit<CheckInInsert, "organisationId" | "athleteId" | "at" | "idempotencyKey">) => void;
type OnFn = (days: number, hour: number) => Date;

const MAYA = "athlete@loadline.demo";

function seedMaya(session: SessionFn, checkIn: CheckInFn, on: OnFn): void {
  const rand = generator(7);
  // The mileage block that set it off (days 62-50): ~55 km, then ~78 km the next week.
  const block = [
    { day: 62, km: 10 }, { day: 60, km: 8 }, { day: 59, km: 12 }, { day: 57, km: 8 }, { day: 56, km: 17 },
    { day: 55, km: 12 }, { day: 54, km: 10 }, { day: 53, km: 14 }, { day: 52, km: 10 }, { day: 51, km: 8 }, { day: 50, km: 24 },
  ];
  for (const r of block) {
    const pain = r.day <= 53 ? (r.km > 15 ? 4 : 2) : r.day <= 56 ? 1 : 0;
    session(MAYA, on(r.day, 7), {
      type: "run",
      minutes: Math.round(r.km * 4.9),
      distanceKm: r.km,
      rpe: r.km > 15 ? 6 : 4,
      painDuring: pain,
      painAfter: Math.min(10, pain + (r.day <= 53 ? 1 : 0)),
      surface: "road",
      cadenceSpm: 166 + Math.round(rand() * 4),
      strides: r.day === 57 ? 6 : 0,
      importedFrom: "fit",
      notes: r.day === 50 ? "Long run; deep right buttock ache from 15 km." : "",
    });
  }

  // Morning pain per day (49 = episode opened): settling through phase 1, a rise after the red
  // session 13 days ago, and a one-point rise after the amber one 4 days ago.
  const morningPain = (day: number): number => {
    if (day === 13) return 2; // the morning before the red session ...
    if (day === 12) return 4; // ... and the two mornings after it (R3 red)
    if (day === 11) return 3;
    if (day === 3) return 2; // the morning after the amber session (1 before)
    if (day >= 42) return 4;
    if (day >= 34) return 3;
    if (day >= 25) return 2;
    // Occasional 2s, only on mornings that follow a day without a session (no false R3 rise).
    if (day === 20 || day === 16) return 2;
    return 1;
  };
  for (let day = 49; day >= 1; day -= 1) {
    const pain = morningPain(day);
    checkIn(MAYA, on(day, 6.5), {
      morningPain: pain,
      stiffnessMinutes: day >= 35 ? 25 : day >= 20 ? 10 : 5,
      // Phase 1 story: load test 4-5 early, 2-3 for the ten days before the phase-2 override.
      loadTestPain: day >= 35 ? 4 + (day % 2) : day >= 25 ? 2 + (day % 2) : Math.max(1, pain),
      restPain: day >= 30 ? 1 : 0,
      longestSitMinutes: day >= 30 ? 60 + (day % 4) * 10 : 35 + (day % 3) * 5,
      sittingToleranceMinutes: day >= 35 ? 20 : day >= 20 ? 35 : 50,
      cushionUsed: true,
      redFlags: [],
    });
  }

  // Phase 1 (days 49-25): isometrics most days, only five logged at full dose (E1.2 not met).
  const fullDose = new Set([44, 40, 36, 31, 27]);
  for (let day = 48; day >= 25; day -= 1) {
    if (day % 7 === 3) continue; // a rest day a week
    session(MAYA, on(day, 17), {
      type: "strength",
      minutes: 25,
      rpe: 4,
      painDuring: day >= 38 ? 2 : 1,
      painAfter: day >= 38 ? 2 : 1,
      asPrescribed: fullDose.has(day),
      categories: ["isometric", "glute_core"],
      activities: ["isometrics"],
      notes: fullDose.has(day) ? "" : "Shortened the holds, 3 x 30 s.",
    });
    if (day % 3 === 0) {
      session(MAYA, on(day, 12), { type: "cross_training", minutes: 30, rpe: 3, painDuring: 1, painAfter: 1, activities: ["walking"] });
    }
  }

  // Phase 2 (days 24-1): heavy slow resistance twice a week, >= 48 h apart, 15RM towards 10RM.
  const heavyDays = [
    { day: 23, rm: 15, during: 1, after: 1 },
    { day: 20, rm: 15, during: 1, after: 1 },
    { day: 16, rm: 12, during: 1, after: 2 },
    // New block (hip thrust, leg curl, Nordic curl): too much at once. Red: pain 4 after (R2) and +2 the next morning (R3).
    { day: 13, rm: 10, during: 3, after: 4, note: "First Nordic curls. Sore sitting in the car afterwards." },
    { day: 10, rm: 12, during: 1, after: 1, note: "Back to the 12RM loads as the physio advised." },
    { day: 7, rm: 12, during: 1, after: 1 },
    // Amber: pain 3 during the first 10RM hip thrusts, and one point more the next morning.
    { day: 4, rm: 10, during: 3, after: 2, note: "Hip thrust at 10RM, last set felt it." },
    { day: 1, rm: 10, during: 2, after: 1 },
  ];
  for (const h of heavyDays) {
    session(MAYA, on(h.day, 17.5), {
      type: "strength",
      minutes: 50,
      rpe: 7,
      painDuring: h.during,
      painAfter: h.after,
      asPrescribed: true,
      heavy: true,
      heaviestRm: h.rm,
      categories: h.day <= 13 ? ["heavy_slow_resistance", "eccentric", "glute_core"] : ["heavy_slow_resistance", "glute_core"],
      notes: h.note ?? "",
    });
  }
  // Walking and cycling between the heavy days; a pain-free brisk walk for E2.4.
  const easy = [
    { day: 22, kind: "cycling", minutes: 40 },
    { day: 18, kind: "walking", minutes: 35 },
    { day: 15, kind: "cycling", minutes: 45 },
    { day: 11, kind: "walking", minutes: 30 },
    { day: 9, kind: "cycling", minutes: 45 },
    { day: 6, kind: "walking", minutes: 40 },
    { day: 2, kind: "cycling", minutes: 50 },
  ] as const;
  for (const e of easy) {
    const painFree = e.day <= 9;
    session(MAYA, on(e.day, 12), {
      type: "cross_training",
      minutes: e.minutes,
      rpe: e.kind === "cycling" ? 4 : 3,
      painDuring: painFree ? 0 : 1,
      painAfter: painFree ? 0 : 1,
      activities: [e.kind],
      notes: e.kind === "walking" ? "Brisk walk by the river." : "Static bike, saddle with a cut-out.",
    });
  }
}

function seedRehabAthletes(session: SessionFn, checkIn: CheckInFn, on: OnFn): void {
  // Daniel (phase 3 for 30 days): easy flat runs every third day, +10 % at most, strength twice a week.
  const daniel = "daniel.osei@loadline.demo";
  const danielRuns = [
    { day: 20, km: 4 }, { day: 17, km: 4 }, { day: 14, km: 4.4 }, { day: 11, km: 4.4 }, { day: 8, km: 4.8 }, { day: 5, km: 4.8 }, { day: 2, km: 5.2 },
  ];
  for (const r of danielRuns) {
    session(daniel, on(r.day, 7), {
      type: "run", minutes: Math.round(r.km * 6.2), distanceKm: r.km, rpe: 3, painDuring: r.km >= 4.8 ? 1 : 0, painAfter: 1,
      surface: "road", cadenceSpm: 168, walkRun: r.km < 4.4, notes: r.km < 4.4 ? "4 min run / 1 min walk" : "",
    });
  }
  for (const day of [19, 16, 12, 9, 6, 3]) {
    session(daniel, on(day, 18), {
      type: "strength", minutes: 45, rpe: 6, painDuring: 1, painAfter: 1, heavy: true, heaviestRm: 8,
      categories: ["heavy_slow_resistance", "eccentric", "running_drill"],
    });
  }
  for (let day = 21; day >= 1; day -= 1) {
    checkIn(daniel, on(day, 6.5), { morningPain: day % 4 === 0 ? 1 : 0, stiffnessMinutes: 5, loadTestPain: 1, restPain: 0, longestSitMinutes: 70, sittingToleranceMinutes: 60, cushionUsed: true, redFlags: [] });
  }

  // Kai (phase 1 for 12 days): isometrics and glute work; the clinical seed holds yesterday's red-flag check-in.
  const kai = "kai.nakamura@loadline.demo";
  for (let day = 12; day >= 2; day -= 1) {
    checkIn(kai, on(day, 7), { morningPain: day > 7 ? 4 : 3, stiffnessMinutes: 20, loadTestPain: day > 7 ? 5 : 4, restPain: 1, longestSitMinutes: 45, sittingToleranceMinutes: 25, cushionUsed: false, redFlags: [] });
    if (day % 2 === 0) {
      session(kai, on(day, 16), {
        type: "strength", minutes: 25, rpe: 4, painDuring: 2, painAfter: 2, asPrescribed: day <= 8,
        categories: ["isometric", "glute_core"], activities: ["isometrics"],
      });
    }
  }

  // Grace (phase 4, hockey): squad training, easy runs and maintenance heavy work twice a week.
  const grace = "grace.oneill@loadline.demo";
  for (let day = 20; day >= 1; day -= 1) {
    const weekday = day % 7;
    if (weekday === 1 || weekday === 4) {
      session(grace, on(day, 18.5), { type: "field", minutes: 90, rpe: 7, painDuring: 0, painAfter: 0, activities: ["field_drills", "sprint"], fullIntensity: true, fullTraining: true });
    } else if (weekday === 2 || weekday === 5) {
      session(grace, on(day, 17), { type: "strength", minutes: 45, rpe: 6, painDuring: 0, painAfter: 0, heavy: true, heaviestRm: 6, categories: ["heavy_slow_resistance", "eccentric"] });
    } else if (weekday === 6) {
      session(grace, on(day, 9), { type: "run", minutes: 35, distanceKm: 6, rpe: 4, painDuring: 0, painAfter: 0, surface: "grass", cadenceSpm: 174 });
    }
    checkIn(grace, on(day, 7), { morningPain: 0, stiffnessMinutes: 0, loadTestPain: 0, restPain: 0, longestSitMinutes: 50, sittingToleranceMinutes: 90, cushionUsed: false, redFlags: [] });
  }
}

/** Healthy athletes (no plan) of both squads: weekly km for distance runners, sessions for field athletes. */
const healthy = [
  { email: "aisha.rahman@loadline.demo", kind: "distance", weeklyKm: 60, growth: 1.05 },
  { email: "lukas.brandt@loadline.demo", kind: "distance", weeklyKm: 75, growth: 1.0 },
  // Chloe stepped her volume up ~25 % this week: an amber R10 on the board.
  { email: "chloe.martin@loadline.demo", kind: "distance", weeklyKm: 50, growth: 1.25 },
  { email: "hannah.lee@loadline.demo", kind: "distance", weeklyKm: 45, growth: 1.05 },
  { email: "sofia.moreno@loadline.demo", kind: "distance", weeklyKm: 80, growth: 1.0 },
  { email: "jordan.blake@loadline.demo", kind: "field", weeklyKm: 12, growth: 1.0 },
  { email: "imani.johnson@loadline.demo", kind: "field", weeklyKm: 10, growth: 1.05 },
  { email: "mateo.silva@loadline.demo", kind: "field", weeklyKm: 20, growth: 1.0 },
  { email: "freya.andersen@loadline.demo", kind: "field", weeklyKm: 15, growth: 1.1 },
  { email: "zara.ahmed@loadline.demo", kind: "field", weeklyKm: 18, growth: 1.0 },
] as const;

function seedHealthyAthletes(session: SessionFn, checkIn: CheckInFn, on: OnFn): void {
  healthy.forEach((athlete, index) => {
    const rand = generator(100 + index);
    // Three weeks; the last week (days 7-1) applies the athlete's growth factor.
    for (let day = 21; day >= 1; day -= 1) {
      const weekKm = day <= 7 ? athlete.weeklyKm * athlete.growth : athlete.weeklyKm;
      if (athlete.kind === "distance") {
        // Five runs a week: Mon/Wed/Fri easy, Tue steady, Sun long (the longest ~30 % of the week).
        const share = [0.3, 0, 0.17, 0.18, 0.17, 0, 0.18][day % 7] ?? 0;
        if (share > 0) {
          const km = Math.round(weekKm * share * 10) / 10;
          session(athlete.email, on(day, 7 + rand()), {
            type: "run", minutes: Math.round(km * (4.6 + rand() * 0.6)), distanceKm: km, rpe: share >= 0.3 ? 6 : 4,
            painDuring: 0, painAfter: rand() < 0.1 ? 1 : 0, surface: share >= 0.3 ? "trail" : "road",
            cadenceSpm: 170 + Math.round(rand() * 10), strides: day % 7 === 3 ? 6 : 0, importedFrom: rand() < 0.5 ? "fit" : null,
          });
        }
        if (day % 7 === 4) session(athlete.email, on(day, 18), { type: "strength", minutes: 40, rpe: 6, painDuring: 0, painAfter: 0, heavy: true, heaviestRm: 8, categories: ["heavy_slow_resistance"] });
      } else {
        const weekday = day % 7;
        if (weekday === 1 || weekday === 3 || weekday === 5) {
          session(athlete.email, on(day, 18.5), { type: "field", minutes: 75 + Math.round(rand() * 20), rpe: 6 + Math.round(rand() * 2), painDuring: 0, painAfter: 0, activities: ["field_drills", "sprint"], fullTraining: true, fullIntensity: true });
        } else if (weekday === 2 || weekday === 6) {
          const km = Math.round((weekKm / 2) * 10) / 10;
          session(athlete.email, on(day, 8), { type: "run", minutes: Math.round(km * 5.2), distanceKm: km, rpe: 4, painDuring: 0, painAfter: 0, surface: "grass", cadenceSpm: 172 + Math.round(rand() * 8) });
        } else if (weekday === 4) {
          session(athlete.email, on(day, 17), { type: "strength", minutes: 45, rpe: 7, painDuring: 0, painAfter: 0, heavy: true, heaviestRm: 6, categories: ["heavy_slow_resistance", "plyometric"] });
        }
      }
      if (rand() < 0.75) {
        checkIn(athlete.email, on(day, 6.5 + rand()), { morningPain: rand() < 0.1 ? 1 : 0, stiffnessMinutes: Math.round(rand() * 5), loadTestPain: 0, restPain: 0, longestSitMinutes: 30 + Math.round(rand() * 60), sittingToleranceMinutes: null, cushionUsed: null, redFlags: [] });
      }
    }
  });
}
