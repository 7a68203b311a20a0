import { logRedFlagCheckIn, newAthlete, serverNow, startRehab } from "./club";
import { chooseDate, expect, expectAccessible, signIn, signedInAs, test } from "./fixtures";

/*
 * Physio workflows: episode -> phase-1 plan from the library -> the athlete sees it; advance
 * with an override reason -> the athlete sees phase 2; two physios editing one plan. Each test
 * creates the athlete it changes, so the tests pass alone, in any order and repeated.
 */

test.describe("physio workflows", () => {
  test.use(signedInAs("physio"));

  test("caseload lists open episodes with escalations first, and is accessible @smoke", async ({ page }, testInfo) => {
    const athlete = await newAthlete(testInfo, { account: true, first: "Casey" });
    // The red flag first, then the episode: the plan's re-assessment job then reads the check-in.
    // (The other order races that job against the check-in's own assessment; see the note on
    // issue 9.) The caseload reads what the queue stored, so it is opened again until it has.
    await logRedFlagCheckIn(testInfo, athlete, serverNow());
    await startRehab(testInfo, athlete.athleteId);

    const rows = page.getByRole("table").getByRole("row");
    await expect(async () => {
      await page.goto("/physio/caseload");
      await expect(page.getByRole("heading", { name: "Caseload" })).toBeVisible();
      await expect(rows.filter({ hasText: athlete.name })).toContainText("Escalation", { timeout: 3_000 });
    }).toPass({ timeout: 45_000 });
    // Every row with an open escalation comes before every row without one.
    const escalated = await rows.evaluateAll((all) => all.slice(1).map((r) => (r.textContent ?? "").includes("Escalation")));
    expect(escalated.indexOf(false) === -1 || escalated.lastIndexOf(true) < escalated.indexOf(false)).toBe(true);
    await expect(rows.filter({ hasText: "Maya Okafor" })).toContainText("Phase 2");
    await page.getByLabel("Phase").selectOption({ label: "Phase 3" });
    await expect(page).toHaveURL(/phase=3/);
    await expect(rows.filter({ hasText: "Daniel Osei" })).toBeVisible();
    await expect(rows.filter({ hasText: "Maya Okafor" })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("escalation queue shows the red-flag answer and resolves it with a note", async ({ page }, testInfo) => {
    const athlete = await newAthlete(testInfo, { account: true, first: "Eli" });
    await startRehab(testInfo, athlete.athleteId);
    await logRedFlagCheckIn(testInfo, athlete, serverNow());

    await page.goto("/physio/escalations");
    const card = page.getByRole("listitem").filter({ hasText: athlete.name });
    await expect(card).toContainText("Night pain that wakes you up");
    await expectAccessible(page);
    await card.getByRole("button", { name: "Resolve" }).click();
    await expect(card.getByText(/note is required/)).toBeVisible();
    await card.getByLabel("Note").fill("Seen in clinic: mechanical night pain, GP informed");
    await card.getByRole("button", { name: "Resolve" }).click();
    await expect(card).toHaveCount(0);
    // The seeded escalation of another athlete is still open: resolving one touches no other.
    await expect(page.getByRole("listitem").filter({ hasText: "Kai Nakamura" })).toBeVisible();
  });

  test("opens an episode, builds a phase-1 plan, advances with an override; the athlete sees each phase @smoke", async ({ page, browser }, testInfo) => {
    const aisha = await newAthlete(testInfo, { account: true, first: "Aisha" });
    await page.goto("/physio/caseload");
    await page.getByLabel("Athlete without an episode").selectOption({ label: aisha.name });
    await page.getByRole("button", { name: "Open episode" }).click();
    await expect(page.getByRole("heading", { name: aisha.name })).toBeVisible();

    // Episode: a missing onset date is named next to the field.
    await page.getByRole("button", { name: "Open episode" }).click();
    await expect(page.getByText("Onset date must be a date such as 2026-11-21")).toBeVisible();
    await page.getByLabel("Side").selectOption("left");
    await chooseDate(page.getByRole("group", { name: "Onset date" }), "2026-10-01");
    await page.getByLabel("Mileage jump").check();
    await page.getByLabel("How diagnosed").selectOption("ultrasound");
    await page.getByRole("button", { name: "Open episode" }).click();
    await expect(page.getByRole("heading", { name: "Open episode" })).toBeVisible();
    await page.getByLabel("Test", { exact: true }).selectOption({ label: "Modified bent-knee stretch" });
    await page.getByLabel("Test pain (0-10)").fill("5");
    await page.getByRole("button", { name: "Record test" }).click();
    await expect(page.getByText("Sensitivity 89 %, specificity 91 %")).toBeVisible();
    await expectAccessible(page);

    // Plan: phase 1 from the library.
    await page.getByRole("tab", { name: "Plan" }).click();
    await page.getByLabel("Add an exercise from the library").selectOption({ label: "Double-leg bridge hold" });
    await page.getByRole("button", { name: "Add exercise" }).click();
    await page.getByLabel("Add an exercise from the library").selectOption({ label: "Clamshells" });
    await page.getByRole("button", { name: "Add exercise" }).click();
    await expect(page.getByLabel("Hills", { exact: true })).toBeChecked();
    await page.getByRole("button", { name: "Create plan" }).click();
    await expect(page.getByText("Saved plan version 1")).toBeVisible();
    await expectAccessible(page);

    const athleteContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const athletePage = await athleteContext.newPage();
    await signIn(athletePage, aisha.email, aisha.password);
    await athletePage.waitForURL("**/me**");
    await expect(athletePage.getByText(/Phase 1/).first()).toBeVisible();
    await expect(athletePage.getByText("Double-leg bridge hold").first()).toBeVisible();

    // Phase change: not every criterion is met, so the override needs a reason.
    await page.getByRole("tab", { name: "Phase change" }).click();
    await expect(page.getByText("E1.2")).toBeVisible();
    await page.getByRole("button", { name: "Advance to phase 2 with override" }).click();
    await expect(page.getByText(/write a reason to override/)).toBeVisible();
    await page.getByLabel("Override reason").fill("Pain settled quickly; isometrics tolerated in clinic at full dose");
    await page.getByRole("button", { name: "Advance to phase 2 with override" }).click();
    await expect(page.getByText("Phase 2 recorded in plan version 2")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("tab", { name: "History" }).click();
    await expect(page.getByText("Advanced with override")).toBeVisible();
    await expect(page.getByText("Reason: Pain settled quickly; isometrics tolerated in clinic at full dose")).toBeVisible();
    await expect(page.getByLabel("Differences")).toContainText("Phase 1 -> 2");
    await expectAccessible(page);

    await page.getByRole("tab", { name: "Audit log" }).click();
    await expect(page.getByText(/Advanced to phase 2 with override/)).toBeVisible();
    await expectAccessible(page);

    await athletePage.reload();
    await expect(athletePage.getByText(/Phase 2/).first()).toBeVisible();
    await athleteContext.close();
  });

  test("two physios editing one plan: the second save is refused with the other change", async ({ page, browser }, testInfo) => {
    const athlete = await newAthlete(testInfo, { first: "Dana" });
    await startRehab(testInfo, athlete.athleteId);
    await page.goto("/physio/caseload");
    await page.getByRole("link", { name: athlete.name }).click();
    await page.getByRole("tab", { name: "Plan" }).click();
    await expect(page.getByRole("heading", { name: /Rehab plan · version 1/ })).toBeVisible();
    const url = page.url();

    const second = await browser.newContext({ storageState: await page.context().storageState() });
    const otherPage = await second.newPage();
    await otherPage.goto(url);
    await otherPage.getByRole("tab", { name: "Plan" }).click();
    await expect(otherPage.getByRole("heading", { name: /Rehab plan · version 1/ })).toBeVisible();

    await page.getByLabel("Notes for the athlete").fill("Keep runs flat this week.");
    await page.getByLabel("Change summary").fill("Flat runs only this week");
    await page.getByRole("button", { name: "Save new version" }).click();
    await expect(page.getByText("Saved plan version 2")).toBeVisible();

    await otherPage.getByLabel("Notes for the athlete").fill("Add strides on Thursday.");
    await otherPage.getByRole("button", { name: "Save new version" }).click();
    const conflict = otherPage.getByRole("alert").filter({ hasText: "someone else changed this plan" });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText("Flat runs only this week");
    await expect(conflict).toContainText("not saved");
    await second.close();
  });
});
