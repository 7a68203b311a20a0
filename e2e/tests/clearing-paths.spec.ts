import type { BrowserContext, Page, TestInfo } from "@playwright/test";
import { apiAs, logRedFlagCheckIn, newAthlete, serverNow, startRehab, type NewAthlete } from "./club";
import { authFile, chooseDate, expect, expectAccessible, openTab, signedInAs, test } from "./fixtures";

/*
 * Every "until the physio..." block has a way out through the screens: R19 (no phase change) and
 * R20 (a warning-sign answer) reach the physio's queue and a review clears them; R22 (an
 * injection without restrictions) lifts when the physio enters restrictions, or when a treatment
 * recorded in error is deleted. Each time the coach's alert leaves the open list and is shown
 * closed. Each test creates the athlete it changes.
 */

const DAY = 86_400_000;

/** The coach's inbox in its own browser context, filtered to one athlete. */
async function coachInbox(context: BrowserContext, athlete: NewAthlete) {
  const inbox = await context.newPage();
  const open = (status?: "closed") => inbox.goto(`/coach/alerts?q=${encodeURIComponent(athlete.name)}${status ? `&status=${status}` : ""}`);
  return { inbox, open };
}

/** Reload until the check passes: re-assessment runs on the queue. */
async function eventually(load: () => Promise<unknown>, check: () => Promise<void>) {
  await expect(async () => {
    await load();
    await check();
  }).toPass({ timeout: 45_000 });
}

/** The demo physio opens an episode and writes a first phase-1 plan begun `startedDaysAgo` days ago. */
async function rehabStartedAgo(testInfo: TestInfo, athleteId: string, startedDaysAgo: number) {
  const physio = await apiAs(testInfo, "physio");
  const ago = (days: number) => new Date(serverNow().getTime() - days * DAY).toISOString();
  try {
    const viewer = await physio.query<{ id: string }>("me.viewer");
    await physio.mutate("episodes.open", {
      athleteId,
      episode: { side: "right", onsetDate: ago(200).slice(0, 10), onsetType: "gradual", suspectedTriggers: ["mileage_jump"], diagnosisMethod: "clinical", differentialsExcluded: [], owningClinicianId: viewer.id, clinicalNotes: "" },
    });
    await physio.mutate("plans.save", {
      athleteId,
      baseVersion: 0,
      phase: 1,
      phaseStartedAt: ago(startedDaysAgo),
      changeSummary: "Taken on in phase 1",
      body: {
        prescriptions: [{ id: "bridge", exercise: "Double-leg bridge hold", category: "isometric", sets: 5, holdSeconds: 30, intensityPct: 70, sessionsPerWeek: 7, heavy: false, highTendonLoad: false }],
        allowedActivities: [],
        forbiddenActivities: [],
        thresholds: {},
        returnToSportElements: [],
        notes: "Isometrics daily",
      },
    });
  } finally {
    await physio.dispose();
  }
}

/** The physio resolves the athlete's card in the review queue with a note. */
async function resolveInQueue(page: Page, athlete: NewAthlete, text: string, note: string) {
  const card = page.getByRole("listitem").filter({ hasText: athlete.name }).filter({ hasText: text });
  await eventually(() => page.goto("/physio/escalations"), () => expect(card).toBeVisible({ timeout: 2_000 }));
  await expectAccessible(page);
  await card.getByLabel("Note").fill(note);
  await card.getByRole("button", { name: "Resolve" }).click();
  await expect(card).toHaveCount(0);
}

test.describe("clearing paths through the screens (physio, with the coach's inbox)", () => {
  test.use(signedInAs("physio"));

  test("R19: thirteen weeks in phase 1 reach the physio's queue; the review restarts the clock and closes the coach's alert", async ({ page, browser }, testInfo) => {
    const athlete = await newAthlete(testInfo, { first: "Stuck" });
    await rehabStartedAgo(testInfo, athlete.athleteId, 91);
    const coach = await browser.newContext({ storageState: authFile(testInfo, "coach") });
    const { inbox, open } = await coachInbox(coach, athlete);
    const alert = inbox.getByTestId("alert-card").filter({ hasText: "No phase change for 13 weeks" });
    await eventually(() => open(), () => expect(alert).toHaveAttribute("data-status", "new", { timeout: 2_000 }));

    const flags = page.getByRole("list", { name: "Flags" });
    await eventually(() => page.goto(`/physio/athletes/${athlete.athleteId}?tab=records`), () => expect(flags).toContainText("No phase change for 13 weeks", { timeout: 5_000 }));
    await resolveInQueue(page, athlete, "No phase change for 13 weeks", "Reviewed: progressing slowly but steadily, plan kept");

    await eventually(() => page.goto(`/physio/athletes/${athlete.athleteId}?tab=records`), () => expect(flags).not.toContainText("No phase change", { timeout: 5_000 }));
    await eventually(() => open(), () => expect(alert).toHaveCount(0, { timeout: 2_000 }));
    await open("closed");
    await expect(alert).toHaveAttribute("data-status", /resolved|retired/);
    await expectAccessible(inbox);
    await coach.close();
  });

  test("R20: a warning-sign answer reaches the physio's queue; resolving it closes the coach's 'medical review' alert", async ({ page, browser }, testInfo) => {
    const athlete = await newAthlete(testInfo, { account: true, first: "Nightpain" });
    await startRehab(testInfo, athlete.athleteId);
    await logRedFlagCheckIn(testInfo, athlete, new Date(serverNow().getTime() - 60_000));
    const coach = await browser.newContext({ storageState: authFile(testInfo, "coach") });
    const { inbox, open } = await coachInbox(coach, athlete);
    const alert = inbox.getByTestId("alert-card").filter({ hasText: "Medical review needed" });
    await eventually(() => open(), () => expect(alert).toHaveAttribute("data-status", "new", { timeout: 2_000 }));

    const flags = page.getByRole("list", { name: "Flags" });
    await eventually(() => page.goto(`/physio/athletes/${athlete.athleteId}?tab=records`), () => expect(flags).toContainText("Medical review needed", { timeout: 5_000 }));
    await resolveInQueue(page, athlete, "Medical review needed", "Seen in clinic today: night pain from sleeping position, no red flag");

    await eventually(() => page.goto(`/physio/athletes/${athlete.athleteId}?tab=records`), () => expect(flags).not.toContainText("Medical review needed", { timeout: 5_000 }));
    // The escalation stays in the athlete's record, resolved, with the physio's note.
    await openTab(page, "Escalations");
    await expect(page.getByRole("listitem").filter({ hasText: "Medical review needed" }).first()).toContainText("Resolved");
    await eventually(() => open(), () => expect(alert).toHaveCount(0, { timeout: 2_000 }));
    await open("closed");
    await expect(alert).toHaveAttribute("data-status", /resolved|retired/);
    await coach.close();
  });

  test("R22: an injection pauses progression until restrictions are entered; a treatment recorded in error is deleted with a reason", async ({ page, browser }, testInfo) => {
    const athlete = await newAthlete(testInfo, { first: "Injected" });
    await startRehab(testInfo, athlete.athleteId);
    const coach = await browser.newContext({ storageState: authFile(testInfo, "coach") });
    const { inbox, open } = await coachInbox(coach, athlete);
    // The coach's sentence names no treatment (that is clinical): "Progression is on hold ...".
    const alert = inbox.locator('[data-testid="alert-card"][data-rule="R22"]').filter({ hasText: "Progression is on hold" });

    await page.goto(`/physio/athletes/${athlete.athleteId}`);
    await openTab(page, "Adjuncts");
    // Yesterday: a date is recorded at midday UTC, which today may not have reached.
    const yesterday = new Date(serverNow().getTime() - DAY).toISOString().slice(0, 10);
    await page.getByRole("combobox", { name: "Treatment", exact: true }).selectOption("prp");
    await chooseDate(page.getByRole("group", { name: "Date", exact: true }), yesterday);
    await page.getByRole("combobox", { name: "Side", exact: true }).selectOption("right");
    await page.getByRole("button", { name: "Record treatment" }).click();
    await expect(page.getByText("Progression paused")).toBeVisible();
    await expectAccessible(page);
    await eventually(() => open(), () => expect(alert).toHaveAttribute("data-status", "new", { timeout: 2_000 }));

    // Restrictions entered: the pause lifts and the coach's alert retires.
    await page.getByRole("textbox", { name: "Restrictions", exact: true }).fill("No heavy loading or running for 14 days after the injection");
    await page.getByRole("button", { name: "Enter restrictions" }).click();
    await expect(page.getByText("Progression paused")).toHaveCount(0);
    await eventually(() => open(), () => expect(alert).toHaveCount(0, { timeout: 2_000 }));
    await open("closed");
    await expect(alert.first()).toHaveAttribute("data-status", "retired");

    // A second injection recorded in error: deleting it (confirmed, with a reason) lifts its pause too.
    await page.getByRole("combobox", { name: "Treatment", exact: true }).selectOption("corticosteroid_injection");
    await chooseDate(page.getByRole("group", { name: "Date", exact: true }), yesterday);
    await page.getByRole("button", { name: "Record treatment" }).click();
    await expect(page.getByText("Progression paused")).toBeVisible();
    await page.getByRole("button", { name: /^Delete Corticosteroid injection/ }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByRole("button", { name: "Delete treatment" }).click();
    await expect(dialog.getByText("Reason is required")).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole("textbox", { name: "Reason for deleting" }).fill("Recorded on the wrong athlete");
    await dialog.getByRole("button", { name: "Delete treatment" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText("Progression paused")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Delete Corticosteroid injection/ })).toHaveCount(0);
    await openTab(page, "Audit log");
    await expect(page.getByText("Deleted a treatment (Corticosteroid injection). Reason: Recorded on the wrong athlete")).toBeVisible();
    await coach.close();
  });
});
