import { randomBytes } from "node:crypto";
import type { TestInfo } from "@playwright/test";
import { apiAs, apiSignedInAs, newAthlete, serverNow, type NewAthlete } from "./club";
import { chooseDate, chooseDateTime, expect, expectDate, expectAccessible, openTab, signIn, signedInAs, test } from "./fixtures";

/*
 * Phase exits through the screens, without override: phase 1 -> 2 on daily load tests and full
 * isometric sessions; a physio records capacity tests and signs off phase 2 -> 3; phase 3 -> 4 on
 * target runs, strides, gentle hills and weekly km; a phase-4 athlete is discharged on logged
 * weeks of full training. Each athlete
 * is created here, not seeded; their history is logged through the app's own procedures with past
 * dates (a physio taking on an athlete already in rehab enters when the phase began), never with a
 * test clock.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const key = () => `e2e-${randomBytes(8).toString("hex")}`;

/** A time `days` days before the server's now, `hours` earlier still. */
function ago(days: number, hours = 0): string {
  return new Date(serverNow().getTime() - days * DAY - hours * HOUR).toISOString();
}

/** The demo physio opens a right-side episode and writes the first plan in `phase`, begun `startedDaysAgo` days ago. */
async function rehabInPhase(testInfo: TestInfo, athleteId: string, phase: 1 | 2 | 3 | 4, startedDaysAgo: number, body: Record<string, unknown>) {
  const physio = await apiAs(testInfo, "physio");
  try {
    const viewer = await physio.query<{ id: string }>("me.viewer");
    await physio.mutate("episodes.open", {
      athleteId,
      episode: {
        side: "right",
        onsetDate: ago(120).slice(0, 10),
        onsetType: "gradual",
        suspectedTriggers: ["speed_work"],
        diagnosisMethod: "clinical",
        differentialsExcluded: [],
        owningClinicianId: viewer.id,
        clinicalNotes: "",
      },
    });
    await physio.mutate("plans.save", {
      athleteId,
      baseVersion: 0,
      phase,
      phaseStartedAt: ago(startedDaysAgo),
      changeSummary: `Taken on in phase ${phase}`,
      body: { allowedActivities: [], forbiddenActivities: [], thresholds: {}, ...body },
    });
  } finally {
    await physio.dispose();
  }
}

/** The athlete's mornings: one check-in a day, `from` days ago to today. */
async function logMornings(api: Awaited<ReturnType<typeof apiSignedInAs>>, from: number, morningPain: number) {
  for (let day = from; day >= 0; day -= 1) {
    await api.mutate("checkIns.create", { idempotencyKey: key(), at: ago(day, 10), morningPain, restPain: 0, loadTestPain: 1 });
  }
}

test.describe("phase exits without override", () => {
  test.use(signedInAs("physio"));

  test("phase 1 -> 2: daily load tests and six full isometric sessions; the records tab takes a date range", async ({ page }, testInfo) => {
    const athlete: NewAthlete = await newAthlete(testInfo, { account: true, first: "Ivo" });
    await rehabInPhase(testInfo, athlete.athleteId, 1, 14, {
      prescriptions: [
        { id: "bridge", exercise: "Double-leg bridge hold", category: "isometric", sets: 5, holdSeconds: 30, intensityPct: 70, sessionsPerWeek: 7, heavy: false, highTendonLoad: false },
      ],
      returnToSportElements: [],
    });
    const own = await apiSignedInAs(testInfo, athlete);
    try {
      for (let day = 13; day >= 0; day -= 1) {
        await own.mutate("checkIns.create", { idempotencyKey: key(), at: ago(day, 10), morningPain: 1, restPain: 0, loadTestPain: 1 });
      }
      for (const day of [12, 10, 8, 6, 4, 2]) {
        await own.mutate("athleteLogs.logSession", { idempotencyKey: key(), at: ago(day, 2), type: "strength", minutes: 20, rpe: 3, painDuring: 1, painAfter: 1, asPrescribed: true });
      }
    } finally {
      await own.dispose();
    }

    await page.goto(`/physio/athletes/${athlete.athleteId}?tab=phase`);
    const checklist = page.getByRole("list").filter({ hasText: "E1.1" });
    for (const id of ["E1.1", "E1.2", "E1.3", "E1.4"]) {
      await expect(checklist.getByRole("listitem").filter({ hasText: id })).toContainText("Met", { timeout: 45_000 });
    }
    await page.getByRole("button", { name: "Sign off: advance to phase 2" }).click();
    await expect(page.getByText("Phase 2 recorded in plan version 2")).toBeVisible();
    await openTab(page, "History");
    await expect(page.getByText("Advanced to phase 2: every exit criterion met")).toBeVisible();

    // The logs of a chosen range of days, kept in the address.
    await openTab(page, "Logs and records");
    const sessions = page.getByRole("table", { name: "Sessions and runs" });
    await expect(sessions.getByRole("row")).toHaveCount(7);
    const day = (daysAgo: number) => ago(daysAgo, 2).slice(0, 10);
    const from = page.getByRole("group", { name: "From", exact: true });
    const to = page.getByRole("group", { name: "To", exact: true });
    await chooseDate(from, day(2));
    await chooseDate(to, day(6));
    await page.getByRole("button", { name: "Show these dates" }).click();
    // Named at the field, what was chosen kept, the list unchanged.
    await expect(page.getByText("To must be on or after From")).toBeVisible();
    await expectDate(from, day(2));
    await expect(page).not.toHaveURL(/from=/);
    await chooseDate(from, day(6));
    await chooseDate(to, day(2));
    await page.getByRole("button", { name: "Show these dates" }).click();
    await expect(page).toHaveURL(new RegExp(`from=${day(6)}&to=${day(2)}`));
    await expect(sessions.getByRole("row")).toHaveCount(4);
    await page.reload();
    await expect(page.getByRole("table", { name: "Sessions and runs" }).getByRole("row")).toHaveCount(4);
    await expectAccessible(page);
  });

  test("phase 3 -> 4: target runs, strides and gentle hills, weekly km near pre-injury and strength symmetry held", async ({ page }, testInfo) => {
    const athlete: NewAthlete = await newAthlete(testInfo, { account: true, first: "Hana" });
    await rehabInPhase(testInfo, athlete.athleteId, 3, 21, {
      prescriptions: [
        { id: "thrust", exercise: "Hip thrust", category: "heavy_slow_resistance", sets: 4, reps: 8, repetitionMaximum: 8, sessionsPerWeek: 2, heavy: true, highTendonLoad: false },
      ],
      returnToSportElements: [],
      targetEasyRun: { distanceKm: 4 },
    });
    const physio = await apiAs(testInfo, "physio");
    try {
      await physio.mutate("episodes.updateClinicalProfile", { athleteId: athlete.athleteId, profile: { conditions: [], notes: "", preInjuryWeeklyKm: 30, bmi: null, usualCadenceSpm: null } });
      await physio.mutate("capacityTests.record", { athleteId: athlete.athleteId, at: ago(2), kind: "single_leg_bridge_reps", affectedSide: "right", left: 30, right: 29 });
    } finally {
      await physio.dispose();
    }
    const own = await apiSignedInAs(testInfo, athlete);
    try {
      await logMornings(own, 20, 0);
      for (let day = 20; day >= 1; day -= 1) {
        const strides = day === 9 || day === 5 ? 6 : 0;
        const hills = day === 7 || day === 3 ? { steepestGradientPct: 3 } : {};
        await own.mutate("athleteLogs.logRun", { idempotencyKey: key(), at: ago(day, 2), distanceKm: 5, minutes: 30, painDuring: 0, painAfter: 0, strides, ...hills });
      }
    } finally {
      await own.dispose();
    }

    await page.goto(`/physio/athletes/${athlete.athleteId}?tab=phase`);
    const checklist = page.getByRole("list").filter({ hasText: "E3.1" });
    for (const id of ["E3.1", "E3.2", "E3.3", "E3.4"]) {
      await expect(checklist.getByRole("listitem").filter({ hasText: id })).toContainText("Met", { timeout: 45_000 });
    }
    await expectAccessible(page);
    await page.getByRole("button", { name: "Sign off: advance to phase 4" }).click();
    await expect(page.getByText("Phase 4 recorded in plan version 2")).toBeVisible();
    await expect(page.getByText("Phase 4: Return to sport")).toBeVisible();
  });

  test("a physio records capacity tests and signs off phase 2 -> 3", async ({ page }, testInfo) => {
    const athlete: NewAthlete = await newAthlete(testInfo, { account: true, first: "Tessa" });
    await rehabInPhase(testInfo, athlete.athleteId, 2, 21, {
      prescriptions: [
        { id: "thrust", exercise: "Hip thrust", category: "heavy_slow_resistance", sets: 4, reps: 8, repetitionMaximum: 8, tempo: "3-0-3", sessionsPerWeek: 2, heavy: true, highTendonLoad: false },
      ],
      returnToSportElements: [],
      visaHBaseline: 40,
    });
    const own = await apiSignedInAs(testInfo, athlete);
    try {
      await logMornings(own, 19, 0);
      for (const day of [18, 15, 12, 9, 6, 3]) {
        await own.mutate("athleteLogs.logSession", {
          idempotencyKey: key(),
          at: ago(day, 2),
          type: "strength",
          minutes: 50,
          rpe: 7,
          painDuring: 0,
          painAfter: 0,
          asPrescribed: true,
          heavy: true,
          heaviestRm: 8,
        });
      }
      await own.mutate("athleteLogs.logSession", { idempotencyKey: key(), at: ago(5, 3), type: "cross_training", minutes: 40, rpe: 3, painDuring: 0, painAfter: 0, activities: ["walking"] });
      await own.mutate("visaH.submit", { idempotencyKey: key(), at: ago(1, 9), items: [8, 8, 8, 7, 7, 7, 7, 20] });
    } finally {
      await own.dispose();
    }

    await page.goto(`/physio/athletes/${athlete.athleteId}?tab=phase`);
    const checklist = page.getByRole("list").filter({ hasText: "E2.2" });
    await expect(checklist.getByRole("listitem").filter({ hasText: "E2.2" })).toContainText("No data");
    await expect(checklist.getByRole("listitem").filter({ hasText: "E2.3" })).toContainText("No data");
    await expect(checklist.getByRole("listitem").filter({ hasText: "E2.5" })).toContainText("Met");
    await expect(page.getByRole("button", { name: "Advance to phase 3 with override" })).toBeVisible();

    // The unknown criterion links to the form that settles it.
    await page.getByRole("link", { name: "Open Capacity tests for E2.2" }).click();
    await expect(page).toHaveURL(/tab=tests/);
    await expect(page.getByRole("heading", { name: "Record a capacity test" })).toBeVisible();
    await expect(page.getByLabel("Affected side")).toHaveValue("right");
    await expectAccessible(page);

    // A pain above 10 is named at the field, and what was typed stays.
    await page.getByLabel("Pain on the affected leg (0-10)").fill("12");
    await page.getByRole("button", { name: "Record test" }).click();
    await expect(page.getByText("Pain must be between 0 and 10")).toBeVisible();
    await page.getByLabel("Pain on the affected leg (0-10)").fill("1");
    await page.getByRole("button", { name: "Record test" }).click();
    await expect(page.getByRole("table", { name: "Capacity tests" })).toContainText("1/10");

    await page.getByRole("combobox", { name: "Test", exact: true }).selectOption("single_leg_bridge_reps");
    await page.getByLabel("Left side (reps)").fill("30");
    await page.getByLabel("Right side (reps)").fill("28");
    await page.getByRole("button", { name: "Record test" }).click();
    await expect(page.getByRole("table", { name: "Capacity tests" })).toContainText("93.3 %");

    await page.getByRole("tab", { name: "Phase change" }).click();
    for (const id of ["E2.1", "E2.2", "E2.3", "E2.4", "E2.5", "E2.6"]) {
      await expect(checklist.getByRole("listitem").filter({ hasText: id })).toContainText("Met");
    }
    await page.getByRole("button", { name: "Sign off: advance to phase 3" }).click();
    await expect(page.getByText("Phase 3 recorded in plan version 2")).toBeVisible();
    await expect(page.getByText("Phase 3: Return to running")).toBeVisible();
    await page.getByRole("tab", { name: "History" }).click();
    await expect(page.getByText("Advanced to phase 3: every exit criterion met")).toBeVisible();

    // The physio sees what the athlete logged: sessions, check-ins, VISA-H and the log history.
    await page.getByRole("tab", { name: "Logs and records" }).click();
    await expect(page.getByRole("table", { name: "Sessions and runs" }).getByRole("row")).toHaveCount(8);
    await expect(page.getByRole("list", { name: "VISA-H history" })).toContainText("72");
    await expectAccessible(page);
  });

  test("a phase-4 athlete logs full training and is discharged on the discharge criteria", async ({ page, browser }, testInfo) => {
    const athlete: NewAthlete = await newAthlete(testInfo, { account: true, first: "Dara", squad: "Field & Sprint" });
    await rehabInPhase(testInfo, athlete.athleteId, 4, 20, {
      prescriptions: [{ id: "nordic", exercise: "Nordic curl", category: "eccentric", sets: 3, reps: 6, sessionsPerWeek: 2, heavy: true, highTendonLoad: false }],
      returnToSportElements: ["sprint"],
      maintenancePlan: "Nordic curls and hip thrusts twice a week, in season too",
    });
    const own = await apiSignedInAs(testInfo, athlete);
    try {
      await logMornings(own, 16, 1);
      for (const day of [13, 10, 6]) {
        await own.mutate("athleteLogs.logSession", {
          idempotencyKey: key(),
          at: ago(day, 2),
          type: "field",
          minutes: 75,
          rpe: 6,
          painDuring: 0,
          painAfter: 0,
          activities: ["sprint", "field_drills"],
          fullIntensity: true,
          fullTraining: true,
        });
      }
      await own.mutate("visaH.submit", { idempotencyKey: key(), at: ago(2, 9), items: [10, 10, 10, 9, 9, 9, 7, 25] });
    } finally {
      await own.dispose();
    }

    // The latest training is logged on the athlete's own form: sprints at full intensity, full training.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const athletePage = await context.newPage();
    await signIn(athletePage, athlete.email, athlete.password);
    await athletePage.waitForURL(/\/me/);
    await athletePage.goto("/me/log/session");
    await athletePage.getByLabel("Type of session").selectOption("field");
    await athletePage.getByRole("checkbox", { name: "Sprints", exact: true }).check();
    await athletePage.getByLabel(/Full training/).check();
    await athletePage.getByLabel(/At full intensity/).check();
    await athletePage.getByLabel("Minutes").fill("80");
    await athletePage.getByLabel("Effort (RPE 0-10)").fill("6");
    await athletePage.getByRole("group", { name: /pain during the session/i }).getByText("0", { exact: true }).click();
    await athletePage.getByRole("group", { name: /pain after/i }).getByText("0", { exact: true }).click();
    const when = new Date(serverNow().getTime() - 3 * DAY - 2 * HOUR);
    await chooseDateTime(athletePage.getByRole("group", { name: "When" }), when);
    await expectAccessible(athletePage);
    await athletePage.getByRole("button", { name: "Save session" }).click();
    await expect(athletePage.getByText("Session saved")).toBeVisible();
    // The athlete's own profile shows what the club holds, including the physio's plan-side facts.
    await athletePage.goto("/me/profile");
    await expect(athletePage.getByRole("heading", { name: "My profile" })).toBeVisible();
    await expect(athletePage.getByText(athlete.email)).toBeVisible();
    await expectAccessible(athletePage);
    await context.close();

    await page.goto(`/physio/athletes/${athlete.athleteId}?tab=phase`);
    const checklist = page.getByRole("list").filter({ hasText: "E4.1" });
    for (const id of ["E4.1", "E4.2", "E4.3", "E4.4"]) {
      await expect(checklist.getByRole("listitem").filter({ hasText: id })).toContainText("Met");
    }
    await expectAccessible(page);
    await page.getByLabel("Discharge note (optional)").fill("Back to full training with the squad");
    await page.getByRole("button", { name: "Sign off: discharge" }).click();
    await expect(page.getByText("Discharged: every discharge criterion met")).toBeVisible();
    await expect(page.getByText("No open episode")).toBeVisible();
  });
});
