import type { GaitAssessment, SquadSessionKind } from "@loadline/domain";
import { eq } from "drizzle-orm";
import { athleteProfiles, gaitAssessments, sessionLogs, squadSessions } from "../schema";
import { DAY_MS, daysAgo, type SeedContext, type SeedTx } from "./context";

/*
 * Coach demo data: a planned current week for each squad (each with a hills and a
 * speed session) so the planner shows every verdict on first start, gait assessments for
 * several athletes (Maya Okafor with OVERSTRIDE), and imported runs whose cadence drops, so the
 * low-cadence hint appears for one athlete who has no gait assessment yet, and one painful run
 * for a healthy athlete so "modify" appears next to "skip" and "ok".
 */

/** Monday 00:00 UTC of the seed week. */
function weekStart(now: Date): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
}

interface PlannedDay {
  /** 0 = Monday. */
  weekday: number;
  hour: number;
  kind: SquadSessionKind;
  minutes: number;
  title: string;
}

const distanceWeek: PlannedDay[] = [
  { weekday: 0, hour: 18, kind: "easy_run", minutes: 45, title: "Easy aerobic run" },
  { weekday: 1, hour: 18, kind: "hills", minutes: 60, title: "Hill repeats 8 x 60 s" },
  { weekday: 2, hour: 7, kind: "heavy_gym", minutes: 50, title: "Strength: posterior chain" },
  { weekday: 3, hour: 18, kind: "intervals", minutes: 70, title: "Track: 6 x 800 m" },
  { weekday: 4, hour: 18, kind: "recovery", minutes: 30, title: "Recovery jog and mobility" },
  { weekday: 5, hour: 9, kind: "long_run", minutes: 100, title: "Long run" },
];

const fieldWeek: PlannedDay[] = [
  { weekday: 0, hour: 17, kind: "field_drills", minutes: 75, title: "Skills and change of direction" },
  { weekday: 1, hour: 17, kind: "sprint", minutes: 60, title: "Acceleration: 6 x 30 m" },
  { weekday: 2, hour: 17, kind: "heavy_gym", minutes: 60, title: "Strength: lower body" },
  { weekday: 3, hour: 17, kind: "hills", minutes: 45, title: "Hill sprints" },
  { weekday: 4, hour: 17, kind: "plyometrics", minutes: 40, title: "Jumps and landings" },
  { weekday: 5, hour: 10, kind: "recovery", minutes: 30, title: "Pool recovery" },
];

const gaitNotes: { email: string; daysAgo: number; surface: "treadmill" | "overground"; speedKmh: number; cadenceSpm: number; faults: GaitAssessment["faults"]; cues: string[]; notes: string }[] = [
  {
    email: "athlete@loadline.demo",
    daysAgo: 6,
    surface: "treadmill",
    speedKmh: 11,
    cadenceSpm: 158,
    faults: [{ code: "OVERSTRIDE", severity: 2, side: "both" }],
    cues: ["Shorter, quicker, lighter steps", "Land under the hips"],
    notes: "Heel strike well ahead of the hips, worse after 20 minutes. Introduce the cues inside the walk-run drills.",
  },
  {
    email: "daniel.osei@loadline.demo",
    daysAgo: 12,
    surface: "overground",
    speedKmh: 12.5,
    cadenceSpm: 166,
    faults: [
      { code: "HIPS_BACK_LEAN", severity: 2 },
      { code: "OVERSTRIDE", severity: 1, side: "left" },
    ],
    cues: ["Pelvis and torso aligned with a slight lean", "Relax the trunk so the core works"],
    notes: "Hips drift back on the second half of the loop.",
  },
  {
    email: "grace.oneill@loadline.demo",
    daysAgo: 9,
    surface: "overground",
    speedKmh: 16,
    cadenceSpm: 178,
    faults: [{ code: "ASYMMETRY", severity: 1, side: "right" }],
    cues: ["Single-leg strength work"],
    notes: "Slightly shorter right stride at speed.",
  },
  {
    email: "aisha.rahman@loadline.demo",
    daysAgo: 20,
    surface: "treadmill",
    speedKmh: 14,
    cadenceSpm: 170,
    faults: [{ code: "SITTING_IN_BUCKET", severity: 2 }],
    cues: ["Run tall", "Lean from the ankles"],
    notes: "Crouched posture when tired.",
  },
  {
    email: "mateo.silva@loadline.demo",
    daysAgo: 15,
    surface: "overground",
    speedKmh: 15,
    cadenceSpm: 174,
    faults: [{ code: "TRUNK_FLEXION", severity: 1 }],
    cues: ["Squeeze the glutes", "Pelvic-control drills"],
    notes: "",
  },
];

export async function seedSquadPlans(tx: SeedTx, context: SeedContext): Promise<void> {
  const monday = weekStart(context.now);
  const planned = [
    ...distanceWeek.map((d) => ({ ...d, squadId: context.squadIds.distance })),
    ...fieldWeek.map((d) => ({ ...d, squadId: context.squadIds.field })),
  ];
  await tx.insert(squadSessions).values(
    planned.map((d) => ({
      organisationId: context.organisationId,
      squadId: d.squadId,
      at: new Date(monday.getTime() + d.weekday * DAY_MS + d.hour * 3_600_000),
      kind: d.kind,
      durationMinutes: d.minutes,
      title: d.title,
      createdById: context.coachId,
    })),
  );

  await tx.insert(gaitAssessments).values(
    gaitNotes.map((g) => ({
      organisationId: context.organisationId,
      athleteId: context.athleteId(g.email),
      at: daysAgo(context, g.daysAgo),
      assessorId: context.coachId,
      surface: g.surface,
      speedKmh: g.speedKmh,
      cadenceSpm: g.cadenceSpm,
      faults: g.faults,
      cues: g.cues,
      notes: g.notes,
    })),
  );

  // Imported watch runs for Rory Gallagher: cadence falls from ~172 to 159 spm, so the gait
  // page suggests an over-stride check before anyone has assessed him.
  const rory = context.athleteId("rory.gallagher@loadline.demo");
  const [roryProfile] = await tx.select({ userId: athleteProfiles.userId }).from(athleteProfiles).where(eq(athleteProfiles.id, rory));
  if (!roryProfile) throw new Error("demo athlete Rory Gallagher is missing");
  const runs = [
    { days: 10, cadence: 173, km: 10 },
    { days: 7, cadence: 171, km: 8 },
    { days: 4, cadence: 172, km: 10 },
    { days: 1, cadence: 159, km: 9 },
  ];
  await tx.insert(sessionLogs).values(
    runs.map((r) => ({
      organisationId: context.organisationId,
      athleteId: rory,
      at: daysAgo(context, r.days + 0.3),
      type: "run" as const,
      minutes: r.km * 4.6,
      distanceKm: r.km,
      rpe: 4,
      painDuring: 0,
      painAfter: 0,
      surface: "road",
      cadenceSpm: r.cadence,
      importedFrom: "gpx" as const,
      idempotencyKey: `seed-coach-run-${r.days}`,
      loggedById: roryProfile.userId,
    })),
  );

  // Tom Hargreaves (healthy, no plan) cut a tempo run short with buttock pain two days ago: a
  // red pain response (R1), so the planner shows "modify" with the easy alternative for him.
  const tom = context.athleteId("tom.hargreaves@loadline.demo");
  const [tomProfile] = await tx.select({ userId: athleteProfiles.userId }).from(athleteProfiles).where(eq(athleteProfiles.id, tom));
  if (!tomProfile) throw new Error("demo athlete Tom Hargreaves is missing");
  await tx.insert(sessionLogs).values({
    organisationId: context.organisationId,
    athleteId: tom,
    at: daysAgo(context, 2.2),
    type: "run",
    minutes: 35,
    distanceKm: 7,
    rpe: 7,
    painDuring: 5,
    painAfter: 4,
    surface: "road",
    idempotencyKey: "seed-coach-tom-tempo",
    loggedById: tomProfile.userId,
  });
}
