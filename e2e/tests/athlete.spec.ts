import path from "node:path";
import { serverNow } from "./club";
import { chooseDate, expect, expectAccessible, expectDate, signedInAs, test } from "./fixtures";

/*
 * The athlete's phone flow on a Pixel 7, signed in as the demo athlete
 * Maya Okafor (mid phase 2): Today, a painful session with its red outcome, a morning
 * check-in, a GPX import (a damaged file first, which must leave the form as typed), a
 * multisport FIT (choose the activity; the ride goes to the session form), an implausible run, VISA-H
 * with its total, and Progress. Every page passes axe with no serious or critical violations.
 */
// The phone itself (Playwright's Pixel 7) comes from the project: see playwright.config.ts.
test.use(signedInAs("athlete"));

const fixtures = path.join(import.meta.dirname, "..", "..", "packages", "run-import", "test", "fixtures");

test("Today shows Maya's phase, plan and flags", async ({ page }) => {
  await page.goto("/me");
  await expect(page.getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Eccentric and heavy slow resistance" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Today's exercises" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Avoid for now" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Next high-load day" })).toBeVisible();
  await expect(page.getByText("It does not give medical advice", { exact: false }).first()).toBeVisible();
  // Tick-off: a prescribed exercise can be ticked with one tap. Today is rendered on the server
  // and only the checklist hydrates, so a tap that lands before it has is repeated.
  const firstExercise = page.getByRole("checkbox").first();
  await expect(async () => {
    await firstExercise.click();
    await expect(page.getByText(/^1 of \d+ ticked$/)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(firstExercise).toBeChecked();
  await expectAccessible(page);
});

test("a session with pain 5 during shows the red outcome at once", async ({ page }) => {
  await page.goto("/me/log/session");
  await expectAccessible(page);
  await page.getByLabel("Minutes").fill("35");
  await page.getByLabel("Effort (RPE 0-10)").fill("6");
  await page.getByRole("group", { name: /pain during the session/i }).getByText("5", { exact: true }).click();
  await page.getByRole("button", { name: "Save session" }).click();
  const feedback = page.getByTestId("log-feedback");
  await expect(feedback.getByText("Red", { exact: true })).toBeVisible();
  await expect(feedback.getByText("Go back", { exact: true })).toBeVisible();
  await expect(feedback.getByText(/R1/).first()).toBeVisible();
  await expectAccessible(page);
});

test("a field error keeps every typed value", async ({ page }) => {
  await page.goto("/me/log/session");
  await page.getByLabel("Minutes").fill("40");
  await page.getByRole("button", { name: "Save session" }).click();
  // Every error of the form at once, each a sentence with the field's label, never its key.
  await expect(page.getByText("Effort (RPE) must be a number between 0 and 10")).toBeVisible();
  await expect(page.getByText("Pain during the session must be a number between 0 and 10")).toBeVisible();
  await expect(page.getByText(/painDuring|rpe must|Invalid input/)).toHaveCount(0);
  await expect(page.getByLabel("Minutes")).toHaveValue("40");
});

test("log forms take the date and time in the club's words, and keep an impossible day as chosen", async ({ page }) => {
  await page.goto("/me/log/check-in");
  // No browser date-time input: Chromium would write it in the phone's locale (11/14/2026, 05:30 PM).
  await expect(page.locator('input[type="datetime-local"], input[type="date"], input[type="time"]')).toHaveCount(0);
  const when = page.getByRole("group", { name: "When" });
  const parts = when.getByRole("combobox");
  // The club writes en-GB: day, month by name, year, then the 24-hour time.
  await expect(parts).toHaveCount(5);
  expect(await parts.evaluateAll((selects) => selects.map((s) => s.getAttribute("aria-label")))).toEqual(["Day", "Month", "Year", "Hour", "Minute"]);
  await expect(when.getByLabel("Month", { exact: true }).locator("option:checked")).toHaveText(/^(January|February|March|April|May|June|July|August|September|October|November|December)$/);
  await expect(when.getByLabel("Hour", { exact: true }).locator("option")).toHaveCount(24);
  // 31 February: refused at the field, and the selects still show what was chosen.
  await expect(async () => {
    await when.getByLabel("Day", { exact: true }).selectOption("31");
    await when.getByLabel("Month", { exact: true }).selectOption({ label: "February" });
    await page.getByRole("button", { name: "Save check-in" }).click();
    await expect(page.getByText(/is not a real date and time/)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(when.getByLabel("Day", { exact: true })).toHaveValue("31");
  await expect(when.getByLabel("Month", { exact: true })).toHaveValue("2");
  await expectAccessible(page);
});

test("a morning check-in is saved with its feedback", async ({ page }) => {
  await page.goto("/me/log/check-in");
  await expectAccessible(page);
  await page.getByRole("group", { name: /pain this morning/i }).getByText("1", { exact: true }).click();
  await page.getByRole("group", { name: /load test/i }).getByText("2", { exact: true }).click();
  await page.getByLabel("Morning stiffness (min)").fill("5");
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByRole("heading", { name: "Check-in saved" })).toBeVisible();
  await expectAccessible(page);
});

test("a GPX file fills the run form, and a damaged file leaves it intact", async ({ page }) => {
  await page.goto("/me/log/run");
  await expectAccessible(page);
  await page.getByLabel("Effort (RPE 0-10)").fill("4");
  const fileInput = page.getByLabel("Import from your watch (GPX, TCX or FIT)");
  await fileInput.setInputFiles(path.join(fixtures, "corrupt.gpx"));
  await expect(page.getByText("Could not import this file")).toBeVisible();
  await expect(page.getByLabel("Effort (RPE 0-10)")).toHaveValue("4");
  await expect(page.getByLabel("Distance (km)")).toHaveValue("");
  await fileInput.setInputFiles(path.join(fixtures, "easy-run.gpx"));
  await expect(page.getByTestId("import-result")).toContainText("Running: 3 km, 20 min");
  await expect(page.getByTestId("import-result")).toContainText(/Steepest stretch 10 % from km 1\.\d to km 1\.\d/);
  await expect(page.getByLabel("Distance (km)")).toHaveValue("3");
  await expect(page.getByLabel("Duration (min)")).toHaveValue("20");
  await expect(page.getByLabel("Cadence (steps/min)")).toHaveValue("172");
  await expect(page.getByLabel("Effort (RPE 0-10)")).toHaveValue("4");
  await expectAccessible(page);
});

test("a multisport file asks which activity to log, and a ride is offered as cross-training", async ({ page }) => {
  await page.goto("/me/log/run");
  const fileInput = page.getByLabel("Import from your watch (GPX, TCX or FIT)");
  await fileInput.setInputFiles(path.join(fixtures, "multisport.fit"));
  const choice = page.getByRole("group", { name: /This file holds 3 activities/ });
  // The longest run is offered first.
  await expect(choice.getByRole("radio", { name: /^Running, 12\.74 km/ })).toBeChecked();
  await expect(page.getByLabel("Distance (km)")).toHaveValue("12.74");
  await expect(page.getByLabel("Duration (min)")).toHaveValue("70");
  await choice.getByRole("radio", { name: /^Running, 2\.25 km/ }).check();
  await expect(page.getByLabel("Distance (km)")).toHaveValue("2.25");
  await choice.getByRole("radio", { name: /^Road cycling, 10 km/ }).check();
  await expect(page.getByTestId("import-not-a-run")).toContainText("Road cycling is not a run");
  await expect(page.getByLabel("Distance (km)")).toHaveValue("");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Log as a cross-training session" }).click();
  await expect(page).toHaveURL(/\/me\/log\/session\?type=cross_training/);
  await expect(page.getByLabel("Minutes")).toHaveValue("30");
  await expect(page.getByRole("checkbox", { name: "Cycling" })).toBeChecked();
});

test("figures that look wrong for a run need a tick before saving", async ({ page }) => {
  await page.goto("/me/log/run");
  await page.getByLabel("Import from your watch (GPX, TCX or FIT)").setInputFiles(path.join(fixtures, "watch-left-on.gpx"));
  await expect(page.getByTestId("import-warning")).toContainText("lasts 45 hours");
  await expect(page.getByRole("checkbox", { name: /The figures are right/ })).not.toBeChecked();
  await expectAccessible(page);
});

test("VISA-H shows the total the domain computed", async ({ page }) => {
  await page.goto("/me/visa-h");
  await expectAccessible(page);
  const labels = ["Pain when sitting", "Pain with hip flexion", "Pain with walking or stairs", "Pain with stretching", "Pain with single-leg loading", "Pain with running or fast walking"];
  for (const label of labels) await page.getByRole("group", { name: new RegExp(label) }).getByText("6", { exact: true }).click();
  await page.getByRole("group", { name: /Sport participation/ }).getByText("4", { exact: true }).click();
  await page.getByRole("group", { name: /How long you can train/ }).getByText("15", { exact: true }).click();
  await page.getByRole("button", { name: "Save and see my total" }).click();
  await expect(page.getByRole("heading", { name: "Your VISA-H total: 55 / 100" })).toBeVisible();
  await expectAccessible(page);
});

test("Progress shows the charts, the exit checklist and the phase history", async ({ page }) => {
  await page.goto("/me/progress");
  await expect(page.getByRole("heading", { name: "Pain", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Weekly running" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ready for the next phase?" })).toBeVisible();
  await expect(page.getByText("E2.6")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Phase history" })).toBeVisible();
  await expectAccessible(page);
});

test("the log list offers edit, delete and history of recent logs", async ({ page }) => {
  await page.goto("/me/log");
  await expect(page.getByRole("heading", { name: "Last 14 days" })).toBeVisible();
  await page.getByRole("button", { name: /^History/ }).first().click();
  await expect(page.getByRole("dialog").getByText(/Saved ·/).first()).toBeVisible();
  await page.keyboard.press("Escape");
  await expectAccessible(page);
});

test("the log list takes a from-to range of days, kept in the address; a reversed range is named at the field", async ({ page }) => {
  await page.goto("/me/log?days=90");
  await expect(page.getByRole("heading", { name: "Last 90 days" })).toBeVisible();
  // The club's days (the demo club is in London), chosen in the date fields' selects.
  const day = (daysAgo: number) => new Date(serverNow().getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const from = page.getByRole("group", { name: "From", exact: true });
  const to = page.getByRole("group", { name: "To", exact: true });
  await chooseDate(from, day(3));
  await chooseDate(to, day(10));
  await page.getByRole("button", { name: "Show these dates" }).click();
  await expect(page.getByText("To must be on or after From")).toBeVisible();
  await expectDate(to, day(10));
  await chooseDate(from, day(10));
  await chooseDate(to, day(3));
  await page.getByRole("button", { name: "Show these dates" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${day(10)}&to=${day(3)}`));
  await expect(page.getByRole("heading", { level: 2 }).filter({ hasText: " to " }).first()).toBeVisible();
  await page.reload();
  await expectDate(page.getByRole("group", { name: "From", exact: true }), day(10));
  await expectAccessible(page);
});

test("VISA-H says which end of every item is good before any answer", async ({ page }) => {
  await page.goto("/me/visa-h");
  await expect(page.getByText("For every question, a higher score is better", { exact: false })).toBeVisible();
  const sitting = page.getByRole("group", { name: /Pain when sitting/ });
  await expect(sitting.getByText("0 = Severe pain")).toBeVisible();
  await expect(sitting.getByText("10 = No pain (best)")).toBeVisible();
  await expect(page.getByTestId("visa-anchors")).toHaveCount(8);
});

test("on the phone: a compact header, the sections at the bottom, dates in the club's words", async ({ page }) => {
  await page.goto("/me");
  await expect(page.getByRole("heading", { name: "Hi Maya" })).toBeVisible();
  const header = await page.locator("header").first().boundingBox();
  expect(header?.height ?? 999).toBeLessThan(80);
  const sections = page.getByRole("navigation", { name: "Sections" });
  await expect(sections).toBeVisible();
  await sections.getByRole("link", { name: "Progress" }).click();
  await expect(page).toHaveURL(/\/me\/progress$/);
  await expect(sections.getByRole("link", { name: "Progress" })).toHaveAttribute("aria-current", "page");
  // No US-style dates ("11/14/2026, 05:30 PM") anywhere on the athlete's pages.
  for (const path of ["/me", "/me/log", "/me/progress", "/me/visa-h"]) {
    await page.goto(path);
    await expect(page.locator("main")).not.toHaveText(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/);
  }
});

test("dark mode: the athlete's pages pass axe in both themes, toasts follow the app", async ({ page }) => {
  for (const theme of ["light", "dark"] as const) {
    await page.goto("/me");
    await page.evaluate((value) => window.localStorage.setItem("theme", value), theme);
    for (const path of ["/me", "/me/log", "/me/log/session", "/me/log/check-in", "/me/log/run", "/me/progress", "/me/visa-h"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveClass(new RegExp(theme === "dark" ? "\\bdark\\b" : "\\blight\\b"));
      await expectAccessible(page);
    }
  }
  await page.getByRole("button", { name: "Use the light theme" }).click();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
});
