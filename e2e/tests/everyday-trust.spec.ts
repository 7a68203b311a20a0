import { apiAs, newAthlete, serverNow, uniqueName } from "./club";
import { chooseDate, expect, expectAccessible, signedInAs, test } from "./fixtures";

/*
 * What a coach and a physio meet every day on a desktop: messages in the form's words at their
 * field, confirmations before destructive or unusual actions, a clear page for a withdrawn invite,
 * the app's icons, and the staff pages in both themes.
 */

test.describe("the coach", () => {
  test.use(signedInAs("coach"));

  test("planner: minutes 'abc' is a sentence at the field, a past session asks first, removing asks first", async ({ page }) => {
    await page.goto("/coach/planner");
    await page.getByLabel("Duration (minutes)").fill("abc");
    await page.getByRole("button", { name: "Plan session" }).click();
    await expect(page.getByText("Duration (minutes) must be a number between 1 and 600")).toBeVisible();
    await expect(page.getByText(/Invalid input/)).toHaveCount(0);
    await expect(page.getByLabel("Duration (minutes)")).toHaveValue("abc");

    await page.getByLabel("Duration (minutes)").fill("45");
    await page.getByRole("button", { name: "Previous week" }).click();
    await expect(page).toHaveURL(/week=/);
    // The add-session form is the shown week's: wait until last week has loaded.
    await expect(page.getByTestId("planner")).not.toHaveAttribute("aria-busy", "true");
    // Monday of last week: before now whatever the time of day.
    await page.locator("#new-day").selectOption({ index: 0 });
    await page.getByLabel("Title").fill("Late entry");
    await page.getByRole("button", { name: "Plan session" }).click();
    const past = page.getByRole("alertdialog", { name: "Plan a session in the past?" });
    await expect(past).toBeVisible();
    await expectAccessible(page);
    await past.getByRole("button", { name: "Plan it anyway" }).click();
    await expect(page.getByRole("heading", { name: "Late entry" })).toBeVisible();

    await page.getByRole("button", { name: "Remove" }).click();
    const remove = page.getByRole("alertdialog", { name: "Remove Late entry?" });
    await expect(remove).toBeVisible();
    await remove.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("heading", { name: "Late entry" })).toBeVisible();
    await page.getByRole("button", { name: "Remove" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Remove session" }).click();
    await expect(page.getByRole("heading", { name: "Late entry" })).toHaveCount(0);
  });

  test("gait: a date in the future is reported at the date field with the other errors, not as a banner", async ({ page }) => {
    // Tomorrow in the demo club's zone; the date field offers next year too, so this holds on 31 December.
    const day = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(at);
    const tomorrow = day(new Date(serverNow().getTime() + 86_400_000));
    await page.goto("/coach/gait/new");
    await chooseDate(page.getByRole("group", { name: "Date", exact: true }), tomorrow);
    await page.getByRole("button", { name: /Save/ }).click();
    await expect(page.getByText("Date of the assessment cannot be in the future")).toBeVisible();
    await expect(page.getByText("Choose or write at least one cue")).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "cannot be in the future" })).toHaveCount(0);
  });

  test("roster with archived athletes passes axe in both themes", async ({ page }, testInfo) => {
    // Twelve axe scans on a shared machine: more than the default minute.
    test.slow();
    const { athleteId } = await newAthlete(testInfo, { first: "Archie" });
    const coach = await apiAs(testInfo, "coach");
    await coach.mutate("roster.setArchived", { athleteId, archived: true });
    await coach.dispose();
    for (const theme of ["light", "dark"]) {
      await page.goto("/coach/roster?archived=1");
      await page.evaluate((value) => window.localStorage.setItem("theme", value), theme);
      await page.reload();
      await expect(page.getByLabel("Show archived")).toBeChecked();
      await expect(page.getByText("Archived").first()).toBeVisible();
      await expectAccessible(page);
      for (const path of ["/coach/board", "/coach/planner", "/coach/alerts", "/coach/gait", "/coach/staff"]) {
        await page.goto(path);
        await expectAccessible(page);
      }
    }
  });

  test("an archived athlete's invite link says so instead of offering a password", async ({ browser }, testInfo) => {
    const coach = await apiAs(testInfo, "coach");
    try {
      const squads = await coach.query<{ id: string; name: string }[]>("roster.squads");
      const name = uniqueName("Wren");
      const { invitePath } = await coach.mutate<{ invitePath: string }>("roster.add", {
        name,
        email: `${name.toLowerCase().replace(/\W+/g, ".")}@loadline.test`,
        squadIds: [squads[0]!.id],
        eventOrSport: "800 m",
        birthYear: null,
        sex: "unspecified",
        preInjuryWeeklyKm: null,
        previousHamstringInjury: false,
      });
      const roster = await coach.query<{ id: string; name: string }[]>("roster.list", { includeArchived: false });
      const added = roster.find((r) => r.name === name)!;
      await coach.mutate("roster.setArchived", { athleteId: added.id, archived: true });
      const anonymous = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
      const invitePage = await anonymous.newPage();
      await invitePage.goto(invitePath);
      await expect(invitePage.getByRole("heading", { name: "This invite was withdrawn" })).toBeVisible();
      await expect(invitePage.getByLabel("Password", { exact: false })).toHaveCount(0);
      await expectAccessible(invitePage);
      await anonymous.close();
    } finally {
      await coach.dispose();
    }
  });
});

test.describe("the physio", () => {
  test.use(signedInAs("physio"));

  test("closing an episode asks first; an empty closing note is named at its field", async ({ page }, testInfo) => {
    const athlete = await newAthlete(testInfo, { first: "Clara" });
    await page.goto("/physio/caseload");
    await page.getByLabel("Athlete without an episode").selectOption({ label: athlete.name });
    await page.getByRole("button", { name: "Open episode" }).click();
    await expect(page.getByRole("heading", { name: athlete.name })).toBeVisible();
    // A day that does not exist is named next to the field (the selects offer 31 in every month).
    const onset = page.getByRole("group", { name: "Onset date" });
    await chooseDate(onset, "2026-02-31");
    await page.getByRole("button", { name: "Open episode" }).click();
    await expect(page.getByText("Onset date is not a real date")).toBeVisible();
    await chooseDate(onset, "2026-10-01");
    await page.getByRole("button", { name: "Open episode" }).click();
    await expect(page.getByRole("heading", { name: "Close the episode" })).toBeVisible();

    await page.getByRole("button", { name: "Close episode" }).click();
    await expect(page.getByText("Closing note is required")).toBeVisible();
    await page.getByLabel("Closing note").fill("Discharged: criteria met.");
    await expect(page.getByText("25 / 5,000 characters")).toBeVisible();
    await page.getByRole("button", { name: "Close episode" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Close this episode?" });
    await expect(confirm).toBeVisible();
    await confirm.getByRole("button", { name: "Close episode" }).click();
    await expect(page.getByText("Episode closed")).toBeVisible();
  });
});

test("the app has a favicon and icons", async ({ request }) => {
  for (const path of ["/favicon.ico", "/icon.svg", "/apple-icon.png", "/manifest.webmanifest", "/icon-192.png"]) {
    const response = await request.get(path);
    expect([path, response.status()]).toEqual([path, 200]);
  }
});
