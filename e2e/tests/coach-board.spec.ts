import { newAthlete, uniqueName } from "./club";
import { expect, expectAccessible, signIn, signedInAs, test } from "./fixtures";

test.describe("the coach's squad board, planner and gait notes", () => {
  test.use(signedInAs("coach"));

  test("the board is the coach's home, filters to rehab in the URL and opens a coach-safe overview @smoke", async ({ page }) => {
    await page.goto("/coach");
    await expect(page).toHaveURL(/\/coach\/board/);
    await expect(page.getByRole("heading", { name: "Squad board" })).toBeVisible();
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.filter({ hasText: "Kai Nakamura" })).toBeVisible();
    await expect(rows.filter({ hasText: "Kai Nakamura" }).getByText("Medical review needed").first()).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Availability").selectOption("rehab");
    await expect(page).toHaveURL(/availability=rehab/);
    await expect(rows.filter({ hasText: "Maya Okafor" })).toBeVisible();
    await expect(rows.filter({ hasText: "Jordan Blake" })).toHaveCount(0);
    await page.reload();
    await expect(page.getByLabel("Availability")).toHaveValue("rehab");
    await expect(rows.filter({ hasText: "Jordan Blake" })).toHaveCount(0);

    await rows.filter({ hasText: "Maya Okafor" }).getByRole("link", { name: "Maya Okafor" }).click();
    await expect(page.getByRole("heading", { name: "Maya Okafor" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Phase timeline" })).toBeVisible();
    await expect(page.getByText("Over-striding · severity 2")).toBeVisible();
  });

  test("sorts by a column header (in the URL), searches, and fills in a new athlete's row without a reload", async ({ page }, testInfo) => {
    const added = await newAthlete(testInfo, { first: "Boardnew" });
    await page.goto("/coach/board?squad=all");
    const table = page.getByRole("table");
    const header = table.getByRole("columnheader", { name: /^Athlete/ });
    // The header sorts once hydrated: click until it says so (a click before hydration does nothing).
    await expect(async () => {
      if ((await header.getAttribute("aria-sort")) !== "ascending") await header.getByRole("button").click();
      await expect(header).toHaveAttribute("aria-sort", "ascending", { timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page).toHaveURL(/sort=name\b/);
    const names = () => table.getByRole("row").getByRole("link").allTextContents();
    const ascending = await names();
    expect(ascending.length).toBeGreaterThan(2);
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));
    await header.getByRole("button").click();
    await expect(header).toHaveAttribute("aria-sort", "descending");
    await expect(page).toHaveURL(/sort=-name\b/);
    const descending = await names();
    expect(descending).toEqual([...descending].sort((a, b) => b.localeCompare(a)));

    // The search narrows to the new athlete, whose row fills in once the queue has assessed them:
    // the board asks again by itself while a row is being assessed.
    await page.getByLabel("Search").fill(added.name);
    const row = table.getByRole("row").filter({ hasText: added.name });
    await expect(row).toHaveCount(1);
    await expect(page.getByText(/^1 of \d+ athletes$/)).toBeVisible();
    await expect(row.getByText(/^(Available|Modified|Rehab|Unavailable)$/).first()).toBeVisible({ timeout: 60_000 });
    await expect(row).not.toContainText("Being assessed");
  });

  test("plans a hills session: skip for a phase-1 athlete, ok for a healthy one", async ({ page }) => {
    await page.goto("/coach/planner");
    await page.getByLabel("Squad", { exact: true }).selectOption({ label: "Field & Sprint" });
    await expect(page).toHaveURL(/squad=/);
    await expect(page.getByTestId("planner")).not.toHaveAttribute("aria-busy", "true");
    // The add-session form's kind (the selected session card has its own "Kind").
    await page.locator("#new-kind").selectOption("hills");
    const title = uniqueName("Hill reps");
    await page.getByLabel("Title").fill(title);
    await page.getByRole("button", { name: "Plan session" }).click();
    const verdicts = page.getByRole("table", { name: title });
    // Late in the club's day the form's default time (today 18:00) has passed: plan it anyway.
    const past = page.getByRole("alertdialog", { name: "Plan a session in the past?" });
    await expect(verdicts.or(past)).toBeVisible();
    if (await past.isVisible()) await past.getByRole("button", { name: "Plan it anyway" }).click();
    await expect(verdicts).toBeVisible();
    await expect(verdicts.getByRole("row").filter({ hasText: "Kai Nakamura" }).getByText("skip", { exact: true })).toBeVisible();
    await expect(verdicts.getByRole("row").filter({ hasText: "Jordan Blake" }).getByText("ok", { exact: true })).toBeVisible();

    // Changing the session re-evaluates at once.
    await page.locator("#selected-kind").selectOption("recovery");
    await expect(verdicts.getByRole("row").filter({ hasText: "Grace O'Neill" }).getByText("ok", { exact: true })).toBeVisible();
  });

  test("acknowledges an alert with a note and the navigation count drops", async ({ page }) => {
    await page.goto("/coach/alerts");
    await expect(page.getByRole("heading", { name: "Alerts" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    const countOf = async () => Number((await nav.getByRole("link", { name: /^Alerts/ }).textContent())?.match(/\((\d+) new\)/)?.[1] ?? 0);
    const before = await countOf();
    expect(before).toBeGreaterThan(0);
    await expect(page.getByText("Medical review needed").first()).toBeVisible();
    await expectAccessible(page);
    // A single alert (a group of identical ones says "Acknowledge 3").
    const first = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: "Acknowledge", exact: true }) }).first();
    await first.getByRole("button", { name: "Acknowledge", exact: true }).click();
    await expect(first.getByText("Write a short note about what you did")).toBeVisible();
    await first.getByLabel("Note").fill("Talked it through; swapped to the bike.");
    await first.getByRole("button", { name: "Acknowledge", exact: true }).click();
    await expect(page.getByText(/acknowledged$/).first()).toBeVisible();
    // Other specs' athletes are re-assessed in the background on the same demo club, which can
    // retire an alert at the same moment: the count must drop, by this one at least.
    await expect.poll(countOf).toBeLessThan(before);
  });

  test("records a gait assessment with OVERSTRIDE; the athlete sees the cue on Today", async ({ page, browser }, testInfo) => {
    const runner = await newAthlete(testInfo, { account: true, first: "Gait" });
    await page.goto("/coach/gait");
    await expect(page.getByRole("heading", { name: "Over-striding" })).toBeVisible();
    await page.getByRole("link", { name: "Record gait assessment" }).click();
    await page.getByLabel("Athlete").selectOption({ label: runner.name });
    await page.getByLabel("Cadence (steps/min)").fill("161");
    await page.getByRole("checkbox", { name: /Over-striding/ }).check();
    await page.getByLabel("Side of Over-striding").selectOption("both");
    await page.getByRole("checkbox", { name: "Cadence up 5-10 %" }).check();
    await page.getByLabel("Your own cues (one per line)").fill("Quiet feet on the track bend");
    await page.getByRole("button", { name: "Save gait assessment" }).click();
    await expect(page.getByRole("heading", { name: runner.name })).toBeVisible();
    await expect(page.getByText("Cues: Cadence up 5-10 %; Quiet feet on the track bend")).toBeVisible();

    const athlete = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const today = await athlete.newPage();
    await signIn(today, runner.email, runner.password);
    await today.waitForURL("**/me**");
    // Today lists the cues the coach chose, including the one written by hand.
    const cues = today.getByRole("listitem");
    await expect(cues.filter({ hasText: "Quiet feet on the track bend" })).toBeVisible();
    await expect(cues.filter({ hasText: "Cadence up 5-10 %" })).toBeVisible();
    await athlete.close();
  });
});
