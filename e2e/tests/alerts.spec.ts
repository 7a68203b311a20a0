import { logRedSession, newAthlete, serverNow, startRehab, uniqueName } from "./club";
import { expect, expectAccessible, signedInAs, test } from "./fixtures";

/*
 * Alerts belong to their cause: a planned sprint's R16 alert retires when the session becomes
 * recovery, and R4's "two reds within 7 days" block reaches the physio, whose review clears it.
 * Each test creates the athlete it changes.
 */

const HOUR_MS = 3_600_000;

/** Sunday from 22:00 in London (the demo club's zone; its weeks start on Monday). */
function lateOnTheWeeksLastDay(now: Date): boolean {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", weekday: "short", hour: "numeric", hourCycle: "h23" }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return part("weekday") === "Sun" && Number(part("hour")) >= 22;
}

test.describe("alerts follow their cause (coach)", () => {
  test.use(signedInAs("coach"));

  test("changing a planned sprint to recovery retires its R16 alert in the inbox", async ({ page, context }, testInfo) => {
    const athlete = await newAthlete(testInfo, { squad: "Distance", first: "Sprint" });
    // Phase 1: sprints are not allowed, so a planned squad sprint is a red R16 for this athlete.
    await startRehab(testInfo, athlete.athleteId);

    await page.goto("/coach/planner");
    await page.getByLabel("Squad", { exact: true }).selectOption({ label: "Distance" });
    await expect(page).toHaveURL(/squad=/);
    // The week's last day, late: ahead of now, so the engine sees a planned session. Late on the
    // club's last day of the week (Sunday in London) that is next week's.
    if (lateOnTheWeeksLastDay(serverNow())) await page.getByRole("button", { name: "Next week" }).click();
    await page.locator("#new-day").selectOption({ index: 6 });
    const time = page.getByRole("group", { name: "Time" });
    await time.getByLabel("Hour").selectOption("23");
    await time.getByLabel("Minute").selectOption("30");
    await page.locator("#new-kind").selectOption("sprint");
    const title = uniqueName("Flying 30s");
    await page.getByLabel("Title").fill(title);
    await page.getByRole("button", { name: "Plan session" }).click();
    const verdicts = page.getByRole("table", { name: title });
    // A just-added athlete is listed as being assessed until the queue has run; the planner polls.
    await expect(verdicts.getByRole("row").filter({ hasText: athlete.name })).toContainText("R16", { timeout: 45_000 });

    const inbox = await context.newPage();
    const card = inbox.getByTestId("alert-card").filter({ hasText: athlete.name }).filter({ hasText: "sprint session is planned" });
    // Re-assessment of the squad runs on the queue: reload until the worker has raised it.
    await expect(async () => {
      await inbox.goto(`/coach/alerts?q=${encodeURIComponent(athlete.name)}`);
      await expect(card).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 45_000 });
    await expect(card).toHaveAttribute("data-status", "new");
    // "Raised" is when it was raised; the planned session's own time is listed separately.
    await expect(card.getByText(/^Session: /)).toBeVisible();
    await expectAccessible(inbox);

    await page.locator("#selected-kind").selectOption("recovery");
    await expect(page.locator("#selected-kind")).toHaveValue("recovery");
    await expect(page.locator("#selected-kind")).toBeEnabled();

    await expect(async () => {
      await inbox.goto(`/coach/alerts?q=${encodeURIComponent(athlete.name)}`);
      await expect(card).toHaveCount(0, { timeout: 2_000 });
    }).toPass({ timeout: 45_000 });
    await inbox.getByLabel("Show").selectOption("closed");
    await expect(inbox).toHaveURL(/status=closed/);
    await expect(card).toHaveAttribute("data-status", "retired");
    await expect(card.getByText("Retired", { exact: true })).toBeVisible();
    await expect(card.getByText(/the session or plan behind it changed/)).toBeVisible();
    await expectAccessible(inbox);
  });
});

test.describe("R4: two reds within 7 days (physio)", () => {
  test.use(signedInAs("physio"));

  test("the block reaches the physio's queue and a review clears it", async ({ page }, testInfo) => {
    const athlete = await newAthlete(testInfo, { account: true, first: "Reds" });
    await startRehab(testInfo, athlete.athleteId);
    const now = serverNow();
    await logRedSession(testInfo, athlete, new Date(now.getTime() - 48 * HOUR_MS));
    await logRedSession(testInfo, athlete, new Date(now.getTime() - HOUR_MS));

    const block = page.getByText("R4: Two red sessions within 7 days: no progression until the physio reviews.");
    await page.goto(`/physio/athletes/${athlete.athleteId}`);
    await page.getByRole("tab", { name: "Phase change" }).click();
    await expect(block).toBeVisible();
    // The phase panel points at the action that lifts it.
    await expect(page.getByText("Resolve it in the Escalations tab: resolving records your review and lifts this block.")).toBeVisible();

    await page.goto("/physio/escalations");
    const card = page.getByRole("listitem").filter({ hasText: athlete.name }).filter({ hasText: "Two red sessions within 7 days" });
    await expect(card).toBeVisible();
    await expect(card).toContainText("resolving records your review");
    await expectAccessible(page);
    await card.getByLabel("Note").fill("Reviewed: back to the last green load, bridge holds only this week");
    await card.getByRole("button", { name: "Resolve" }).click();
    await expect(card).toHaveCount(0);

    await page.goto(`/physio/athletes/${athlete.athleteId}`);
    await page.getByRole("tab", { name: "Phase change" }).click();
    await expect(page.getByRole("heading", { name: /Advance to phase 2/ })).toBeVisible();
    await expect(block).toHaveCount(0);
    await page.getByRole("tab", { name: "Escalations" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "Two red sessions within 7 days" })).toContainText("Resolved");
  });
});
