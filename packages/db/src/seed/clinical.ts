import { assessAthlete, type PlanBody } from "@loadline/domain";
import { seedExerciseLibrary } from "../queries/exercises";
import { alertsFromAssessment, recordRaisedAlerts } from "../queries/assessments";
import { loadTimelines } from "../queries/timeline";
import { adjunctTreatments, auditLog, injuryEpisodes, morningCheckIns, planVersions, provocationTests } from "../schema";
import { daysAgo, type SeedContext, type SeedTx } from "./context";

/*
 * Physio workflows demo data: the exercise library, and four open episodes across
 * phases 1-4, each with a plan history of several versions. Other feature seeds rely on this
 * cast exactly (Maya in phase 2 since 24 days, with the one override; Kai's open red flag).
 */

type Prescription = PlanBody["prescriptions"][number];

const hold = (exercise: string, sets: number, holdSeconds: number, intensityPct = 70): Prescription => ({
  id: exercise.toLowerCase().replace(/\W+/g, "-"),
  exercise,
  category: "isometric",
  sets,
  holdSeconds,
  intensityPct,
  sessionsPerWeek: 7,
  heavy: false,
  highTendonLoad: false,
});

const core = (exercise: string, sets: number, reps: number): Prescription => ({
  id: exercise.toLowerCase().replace(/\W+/g, "-"),
  exercise,
  category: "glute_core",
  sets,
  reps,
  sessionsPerWeek: 3,
  heavy: false,
  highTendonLoad: false,
});

const heavy = (exercise: string, sets: number, reps: number, rm: number, category: Prescription["category"] = "heavy_slow_resistance"): Prescription => ({
  id: exercise.toLowerCase().replace(/\W+/g, "-"),
  exercise,
  category,
  sets,
  reps,
  repetitionMaximum: rm,
  tempo: "3-0-3",
  sessionsPerWeek: 2,
  heavy: true,
  highTendonLoad: false,
});

const run = (exercise: string, sets: number, reps: number, sessionsPerWeek: number): Prescription => ({
  id: exercise.toLowerCase().replace(/\W+/g, "-"),
  exercise,
  category: "running_drill",
  sets,
  reps,
  sessionsPerWeek,
  heavy: false,
  highTendonLoad: true,
});

const body = (overrides: Partial<PlanBody>): PlanBody => ({
  prescriptions: [],
  allowedActivities: [],
  forbiddenActivities: [],
  thresholds: {},
  returnToSportElements: [],
  ...overrides,
});

interface VersionSpec {
  daysAgo: number;
  phase: 1 | 2 | 3 | 4;
  body: PlanBody;
  summary: string;
  phaseChange?: "advance" | "advance_override" | "regress";
  reason?: string;
}

interface EpisodeSpec {
  email: string;
  openedDaysAgo: number;
  side: "left" | "right" | "both";
  onsetType: "gradual" | "sudden";
  triggers: string[];
  diagnosisMethod: "clinical" | "ultrasound" | "mri";
  differentials: string[];
  notes: string;
  tests: { test: (typeof provocationTests.$inferInsert)["test"]; familiarPainReproduced: boolean; pain: number }[];
  versions: VersionSpec[];
}

const phase1 = body({
  prescriptions: [hold("Double-leg bridge hold", 5, 30), hold("Heel press into a ball (isometric)", 5, 45), core("Clamshells", 3, 15), core("Side plank", 3, 3)],
  notes: "Isometrics daily. Sit on a cushion; break up sitting every 30 min.",
});

const mayaPhase2 = body({
  prescriptions: [
    heavy("Loaded bridge", 4, 8, 10),
    heavy("Hip thrust", 4, 8, 10),
    heavy("Lying leg curl", 3, 10, 12),
    heavy("Nordic curl", 3, 5, 8, "eccentric"),
    core("Side plank", 3, 3),
  ],
  notes: "Heavy slow resistance twice a week, 48 h apart. Romanian deadlifts once hinge pain is 2/10 or less.",
});

const episodes: EpisodeSpec[] = [
  {
    email: "athlete@loadline.demo",
    openedDaysAgo: 49,
    side: "right",
    onsetType: "gradual",
    triggers: ["mileage_jump"],
    diagnosisMethod: "clinical",
    differentials: ["Lumbar referral", "Sciatic nerve irritation"],
    notes: "Deep right buttock pain for 3 weeks after raising weekly volume from 55 to 80 km. Worse sitting in lectures.",
    tests: [
      { test: "puranen_orava", familiarPainReproduced: true, pain: 5 },
      { test: "modified_bent_knee_stretch", familiarPainReproduced: true, pain: 6 },
      { test: "single_leg_bridge_platform", familiarPainReproduced: true, pain: 4 },
    ],
    versions: [
      { daysAgo: 49, phase: 1, body: phase1, summary: "Plan created in phase 1 (Calm the tendon (isometrics))" },
      {
        daysAgo: 42,
        phase: 1,
        body: { ...phase1, prescriptions: [hold("Double-leg bridge hold", 5, 45), ...phase1.prescriptions.slice(1)] },
        summary: "Double-leg bridge hold: holdSeconds 30 -> 45",
      },
      {
        daysAgo: 35,
        phase: 1,
        body: {
          ...phase1,
          prescriptions: [hold("Double-leg bridge hold", 5, 45), hold("Single-leg bridge hold", 4, 30), ...phase1.prescriptions.slice(1)],
        },
        summary: "Added Single-leg bridge hold",
      },
      {
        daysAgo: 24,
        phase: 2,
        phaseChange: "advance_override",
        reason: "Load-test pain has been 2-3/10 for ten days; only 5 full isometric sessions logged (E1.2), but pain settled in clinic and she tolerated loaded bridges today.",
        body: {
          ...phase1,
          prescriptions: [hold("Single-leg bridge hold", 4, 30), heavy("Loaded bridge", 3, 12, 15), core("Side plank", 3, 3)],
        },
        summary: "Advanced to phase 2 with override (E1.2 not met): pain settled in clinic",
      },
      { daysAgo: 14, phase: 2, body: mayaPhase2, summary: "Heavy slow resistance block: hip thrust, leg curl and Nordic curl towards 8-10RM" },
    ],
  },
  {
    email: "daniel.osei@loadline.demo",
    openedDaysAgo: 110,
    side: "left",
    onsetType: "gradual",
    triggers: ["hills", "sitting"],
    diagnosisMethod: "ultrasound",
    differentials: ["Ischiofemoral impingement", "Lumbar referral"],
    notes: "Ultrasound: thickened proximal hamstring tendon, no tear. Long commute by car.",
    tests: [
      { test: "bent_knee_stretch", familiarPainReproduced: true, pain: 4 },
      { test: "arabesque", familiarPainReproduced: false, pain: 2 },
    ],
    versions: [
      { daysAgo: 110, phase: 1, body: phase1, summary: "Plan created in phase 1 (Calm the tendon (isometrics))" },
      {
        daysAgo: 82,
        phase: 2,
        phaseChange: "advance",
        body: body({ prescriptions: [heavy("Loaded bridge", 3, 12, 15), heavy("Lying leg curl", 3, 12, 15), core("Clamshells", 3, 15)] }),
        summary: "Advanced to phase 2: every exit criterion met",
      },
      {
        daysAgo: 62,
        phase: 2,
        body: body({
          prescriptions: [heavy("Loaded bridge", 4, 8, 8), heavy("Lying leg curl", 4, 8, 8), heavy("Romanian deadlift", 3, 8, 10), core("Clamshells", 3, 15)],
        }),
        summary: "Towards 8RM; added Romanian deadlift",
      },
      {
        daysAgo: 30,
        phase: 3,
        phaseChange: "advance",
        body: body({
          prescriptions: [heavy("Loaded bridge", 3, 8, 8), heavy("Romanian deadlift", 3, 8, 8), run("Walk-run intervals", 1, 10, 3)],
          targetEasyRun: { distanceKm: 5 },
        }),
        summary: "Advanced to phase 3: every exit criterion met",
      },
      {
        daysAgo: 9,
        phase: 3,
        body: body({
          prescriptions: [heavy("Loaded bridge", 3, 8, 8), heavy("Romanian deadlift", 3, 8, 8), run("Easy flat run", 1, 1, 3), run("A-skips", 3, 20, 2)],
          targetEasyRun: { distanceKm: 8 },
          notes: "Cadence cue: shorter, quicker steps.",
        }),
        summary: "Walk-run replaced by easy flat runs; target easy run 5 -> 8 km",
      },
    ],
  },
  {
    email: "kai.nakamura@loadline.demo",
    openedDaysAgo: 12,
    side: "right",
    onsetType: "sudden",
    triggers: ["speed_work"],
    diagnosisMethod: "clinical",
    differentials: ["Hamstring muscle strain"],
    notes: "Felt a tightening during a sprint drill. No bruising. Previous hamstring strain on the same side.",
    tests: [
      { test: "puranen_orava", familiarPainReproduced: true, pain: 6 },
      { test: "bent_knee_stretch", familiarPainReproduced: true, pain: 5 },
    ],
    versions: [
      { daysAgo: 12, phase: 1, body: phase1, summary: "Plan created in phase 1 (Calm the tendon (isometrics))" },
      {
        daysAgo: 5,
        phase: 1,
        body: { ...phase1, prescriptions: [...phase1.prescriptions, core("Anti-rotation press (Pallof)", 3, 10)] },
        summary: "Added Anti-rotation press (Pallof)",
      },
    ],
  },
  {
    email: "grace.oneill@loadline.demo",
    openedDaysAgo: 150,
    side: "left",
    onsetType: "gradual",
    triggers: ["new_gym_work", "stretching"],
    diagnosisMethod: "mri",
    differentials: ["Partial tear", "Lumbar referral"],
    notes: "MRI: tendinopathy with peritendinous oedema, no tear. Started deep hamstring stretching pre-season.",
    tests: [
      { test: "modified_bent_knee_stretch", familiarPainReproduced: true, pain: 5 },
      { test: "puranen_orava", familiarPainReproduced: true, pain: 4 },
    ],
    versions: [
      { daysAgo: 150, phase: 1, body: phase1, summary: "Plan created in phase 1 (Calm the tendon (isometrics))" },
      {
        daysAgo: 120,
        phase: 2,
        phaseChange: "advance",
        body: body({ prescriptions: [heavy("Loaded bridge", 3, 10, 12), heavy("Nordic curl", 3, 5, 8, "eccentric")] }),
        summary: "Advanced to phase 2: every exit criterion met",
      },
      {
        daysAgo: 80,
        phase: 3,
        phaseChange: "advance",
        body: body({ prescriptions: [heavy("Hip thrust", 3, 8, 8), heavy("Nordic curl", 3, 6, 8, "eccentric"), run("Easy flat run", 1, 1, 3)], targetEasyRun: { minutes: 30 } }),
        summary: "Advanced to phase 3: every exit criterion met",
      },
      {
        daysAgo: 30,
        phase: 4,
        phaseChange: "advance",
        body: body({
          prescriptions: [heavy("Nordic curl", 3, 6, 8, "eccentric"), heavy("Hip thrust", 3, 8, 8), run("Graded sprints", 6, 1, 2), run("Change-of-direction drills", 4, 6, 2)],
          returnToSportElements: ["sprint", "field_drills"],
        }),
        summary: "Advanced to phase 4: every exit criterion met",
      },
      {
        daysAgo: 10,
        phase: 4,
        body: body({
          prescriptions: [heavy("Nordic curl", 3, 6, 8, "eccentric"), heavy("Hip thrust", 3, 8, 8), run("Graded sprints", 8, 1, 2), run("Change-of-direction drills", 4, 6, 2)],
          returnToSportElements: ["sprint", "field_drills"],
          maintenancePlan: "Nordic curls and hip thrusts twice a week through the season.",
        }),
        summary: "Maintenance plan recorded; graded sprints 6 -> 8",
      },
    ],
  },
];

export async function seedClinical(tx: SeedTx, context: SeedContext): Promise<void> {
  const { organisationId, physioId } = context;
  await seedExerciseLibrary(tx, organisationId);

  for (const spec of episodes) {
    const athleteId = context.athleteId(spec.email);
    const openedAt = daysAgo(context, spec.openedDaysAgo);
    const [episode] = await tx
      .insert(injuryEpisodes)
      .values({
        organisationId,
        athleteId,
        side: spec.side,
        onsetDate: daysAgo(context, spec.openedDaysAgo + 21).toISOString().slice(0, 10),
        onsetType: spec.onsetType,
        suspectedTriggers: spec.triggers,
        diagnosisMethod: spec.diagnosisMethod,
        differentialsExcluded: spec.differentials,
        owningClinicianId: physioId,
        clinicalNotes: spec.notes,
        createdAt: openedAt,
        updatedAt: openedAt,
      })
      .returning({ id: injuryEpisodes.id });
    if (!episode) throw new Error("could not seed an episode");
    await tx.insert(provocationTests).values(
      spec.tests.map((t) => ({ ...t, organisationId, athleteId, episodeId: episode.id, side: spec.side, at: openedAt })),
    );
    let phaseStartedAt = openedAt;
    let version = 0;
    for (const v of spec.versions) {
      const at = daysAgo(context, v.daysAgo);
      if (v.phaseChange) phaseStartedAt = at;
      version += 1;
      await tx.insert(planVersions).values({
        organisationId,
        athleteId,
        episodeId: episode.id,
        version,
        phase: v.phase,
        phaseStartedAt,
        content: v.body,
        authorId: physioId,
        changeSummary: v.summary,
        phaseChange: v.phaseChange ?? null,
        phaseChangeReason: v.reason ?? null,
        createdAt: at,
      });
    }
    await tx.insert(auditLog).values([
      { organisationId, actorId: physioId, athleteId, action: "write", entity: "injury_episode", entityId: episode.id, detail: `Opened ${spec.side}-side episode`, at: openedAt },
      ...spec.versions.map((v, i) => ({
        organisationId,
        actorId: physioId,
        athleteId,
        action: "write" as const,
        entity: "plan_version",
        detail: `Saved plan version ${i + 1}: ${v.summary}`,
        at: daysAgo(context, v.daysAgo),
      })),
    ]);
  }

  // Grace: shockwave alongside her loading (R22 needs no restrictions for shockwave).
  const graceId = context.athleteId("grace.oneill@loadline.demo");
  await tx.insert(adjunctTreatments).values({
    organisationId,
    athleteId: graceId,
    at: daysAgo(context, 60),
    kind: "shockwave",
    side: "left",
    parameters: "Radial ESWT, 2,000 pulses at 2.5 bar, 3 sessions one week apart",
    provider: "Riverside Sports Clinic",
    restrictions: "No sprinting for 48 h after each session",
    restrictionsEnteredAt: daysAgo(context, 60),
    recordedById: physioId,
    createdAt: daysAgo(context, 60),
  });

  // Kai: yesterday's check-in answered a red-flag question (night pain that wakes, R20).
  const kaiId = context.athleteId("kai.nakamura@loadline.demo");
  await tx.insert(morningCheckIns).values({
    organisationId,
    athleteId: kaiId,
    at: daysAgo(context, 1),
    morningPain: 4,
    stiffnessMinutes: 20,
    loadTestPain: 4,
    restPain: 2,
    redFlags: ["night_pain_waking"],
    idempotencyKey: "seed-kai-red-flag-check-in",
  });
  // Record the escalation now, so the caseload shows it on first start (the engine would raise it on first read).
  const timelines = await loadTimelines(tx, organisationId, [kaiId], context.now);
  const kai = timelines.get(kaiId);
  if (!kai?.ok) throw new Error(`Kai's timeline is missing or unreadable${kai && !kai.ok ? `: ${kai.problem}` : ""}`);
  const assessment = assessAthlete(kai.timeline, context.now);
  await recordRaisedAlerts(
    tx,
    organisationId,
    alertsFromAssessment(
      kaiId,
      assessment.flags.filter((f) => f.ruleId === "R20"),
      context.now,
    ),
  );
}
