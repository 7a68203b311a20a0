import { type Browser } from "@playwright/test";
import { apiAs, logRedFlagCheckIn, newAthlete, serverNow, startRehab, uniqueName, type NewAthlete } from "./club";
import { expect, expectAccessible, signIn, signedInAs, test } from "./fixtures";

/*
 * Compliance on the board and the caseload, the alerts inbox opening on the coach's own squads,
 * and the notification centre's read/unread. Each test creates the athlete (and squad) it needs;
 * demo athletes are only read, never counted.
 */

test.describe("compliance (coach and physio)", () => {
  test.use(signedInAs("coach"));

  test("the board has a compliance column saying what it counts", async ({ page }) => {
    await page.goto("/coach/board?squad=all");
    await expect(page.getByRole("columnheader", { name: /Compliance/ })).toBeVisible();
    await expect(page.getByText(/^Compliance: the share of expected logging done over the last 7 and 28 full days/)).toBeVisible();
    // The demo club's athletes have weeks of history: some row shows a 7-day percentage.
    await expect(page.getByTestId("compliance").filter({ hasText: /7 d: \d+%/ }).first()).toBeVisible({ timeout: 45_000 });
    await expectAccessible(page);
  });
});

test.describe("compliance (physio)", () => {
  test.use(signedInAs("physio"));

  test("the caseload has the same column", async ({ page }) => {
    await page.goto("/physio/caseload");
    await expect(page.getByRole("columnheader", { name: "Compliance" })).toBeVisible();
    await expect(page.getByText(/^Compliance: the share of expected logging/)).toBeVisible();
    await expect(page.getByTestId("compliance").filter({ hasText: /28 d: (\d+%|—)/ }).first()).toBeVisible({ timeout: 45_000 });
    await expectAccessible(page);
  });
});

test.describe("alerts inbox (coach)", () => {
  test.use(signedInAs("coach"));

  test("opens on the coach's own squads; another squad's alert shows under All squads", async ({ page }, testInfo) => {
    // A squad the demo coach does not look after, with an athlete who raises an escalation.
    const coach = await apiAs(testInfo, "coach");
    const squadName = uniqueName("Juniors");
    try {
      await coach.mutate("squads.create", { name: squadName, kind: "distance" });
    } finally {
      await coach.dispose();
    }
    const athlete = await newAthlete(testInfo, { squad: squadName, account: true, first: "Outside" });
    await logRedFlagCheckIn(testInfo, athlete, serverNow());

    const card = page.getByTestId("alert-card").filter({ hasText: athlete.name });
    await expect(async () => {
      await page.goto(`/coach/alerts?squad=all&q=${encodeURIComponent(athlete.name)}`);
      await expect(card.first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 45_000 });

    await page.goto(`/coach/alerts?q=${encodeURIComponent(athlete.name)}`);
    await expect(page.getByLabel("Squad", { exact: true })).toHaveValue("mine");
    await expect(page.getByRole("option", { name: "My squads" })).toHaveCount(1);
    await expect(card).toHaveCount(0);
    await page.getByLabel("Squad", { exact: true }).selectOption("all");
    await expect(page).toHaveURL(/squad=all/);
    await expect(card.first()).toBeVisible();
    await expectAccessible(page);
  });
});

async function athletePage(browser: Browser, athlete: NewAthlete) {
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  await signIn(page, athlete.email, athlete.password);
  await page.waitForURL(/\/me/);
  return { context, page };
}

test.describe("notification centre (athlete)", () => {
  test("reminders are unread until read; mark all read clears the badge", async ({ browser }, testInfo) => {
    const athlete = await newAthlete(testInfo, { account: true, first: "Bell" });
    await startRehab(testInfo, athlete.athleteId);
    const { context, page } = await athletePage(browser, athlete);
    const bell = page.getByRole("button", { name: /^Notifications/ });
    // In rehab with no check-in today and no VISA-H yet: two reminders (once assessed).
    await expect(async () => {
      await page.goto("/me");
      await expect(bell).toHaveAccessibleName("Notifications, 2 unread", { timeout: 3_000 });
    }).toPass({ timeout: 45_000 });
    await bell.click();
    const list = page.getByRole("list", { name: "Notifications" });
    await expect(list.getByRole("listitem")).toHaveCount(2);
    await expect(list.locator("[data-read=false]")).toHaveCount(2);
    await expect(list.getByRole("link", { name: /Morning check-in not done yet today/ })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Mark all read" }).click();
    await expect(list.locator("[data-read=true]")).toHaveCount(2);
    await expect(bell).toHaveAccessibleName("Notifications");
    // Read, not gone: the reminders stay until the logs are made, and stay read after a reload.
    await page.reload();
    await expect(bell).toHaveAccessibleName("Notifications");
    await context.close();
  });
});
