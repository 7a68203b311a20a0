import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";
import { FRESH_OPERATOR } from "./fresh-instance";

/*
 * From an empty database without the demo (LOADLINE_DEMO=false): a club is set up by its owner,
 * who creates a squad, invites a physio and a coach and adds an athlete; each person signs up
 * from their link in a browser of their own, and the athlete logs. Then the instance operator
 * creates a second club, and neither club sees the other. The steps build on each other, so
 * they run in order in one test; every page opened for the first time gets an axe check.
 */

const owner = { name: "Orla Byrne", email: "orla@northside.test", password: "orla-owner-password" };

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

/** Open a one-time link in a new browser and choose the password; lands on the role's home. */
async function signUpFromLink(browser: Browser, url: string, password: string): Promise<Page> {
  const page = await freshPage(browser);
  await page.goto(url);
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  return page;
}

test("a new club goes from an empty instance to an athlete logging; a second club sees nothing of it", async ({ browser }) => {
  test.setTimeout(240_000);

  // The owner opens the empty instance and sets up the club.
  const own = await freshPage(browser);
  await own.goto("/");
  await expect(own).toHaveURL(/\/setup$/);
  await expect(own.getByRole("heading", { name: "Set up your club" })).toBeVisible();
  await expectAccessible(own);
  await own.getByLabel("Club name").fill("Northside Runners");
  await own.getByLabel("Time zone").selectOption("Europe/Dublin");
  await own.getByLabel("Date format").selectOption("en-IE");
  await own.getByLabel("Your name").fill(owner.name);
  await own.getByLabel("Your email").fill(owner.email);
  await own.getByLabel("Password", { exact: true }).fill(owner.password);
  await own.getByLabel("Repeat the password").fill("not the same");
  await own.getByRole("button", { name: "Create the club" }).click();
  await expect(own.getByText("Passwords do not match")).toBeVisible();
  await expect(own.getByLabel("Club name")).toHaveValue("Northside Runners");
  await own.getByLabel("Repeat the password").fill(owner.password);
  await own.getByRole("button", { name: "Create the club" }).click();

  // A guided, empty board.
  await expect(own).toHaveURL(/\/coach\/board$/);
  await expect(own.getByRole("heading", { name: "Get your club started" })).toBeVisible();
  await expectAccessible(own);

  // The first squad.
  await own.getByRole("link", { name: "Add your first squad" }).click();
  await expect(own.getByRole("heading", { name: "Squads" })).toBeVisible();
  await expectAccessible(own);
  await own.getByLabel("Squad name").fill("Road Squad");
  await own.getByRole("button", { name: "Create squad" }).click();
  await expect(own.getByRole("rowheader", { name: "Road Squad", exact: true })).toBeVisible();

  // A physio and a coach are invited; each link is opened in its own browser.
  await own.goto("/coach/staff");
  const invite = async (name: string, email: string, role: "Physio" | "Coach") => {
    await own.getByLabel("Name", { exact: true }).fill(name);
    await own.getByLabel("Email", { exact: true }).fill(email);
    await own.getByLabel("Role").selectOption({ label: role });
    await own.getByRole("button", { name: "Create invite link" }).click();
    // The link field already shows the previous invite's link: wait for this one's.
    await expect(own.getByText(`Invite link for ${name}`)).toBeVisible();
    const link = own.getByRole("textbox", { name: "Invite link" });
    await expect(link).toHaveValue(/\/invite\/[\w-]{40,}$/);
    const url = await link.inputValue();
    await expect(own.getByRole("row", { name: new RegExp(name) }).getByText("Invite pending")).toBeVisible();
    return url;
  };
  const physioUrl = await invite("Pat Walsh", "pat@northside.test", "Physio");
  const coachUrl = await invite("Cian Doyle", "cian@northside.test", "Coach");

  const physio = await signUpFromLink(browser, physioUrl, "pat-physio-password");
  await expect(physio).toHaveURL(/\/physio\/caseload$/);
  await expectAccessible(physio);
  const coach = await signUpFromLink(browser, coachUrl, "cian-coach-password");
  await expect(coach).toHaveURL(/\/coach\/board$/);

  // The owner makes the new coach a coach of the squad; the coach's board opens on it.
  await own.goto("/coach/squads");
  await own.getByRole("button", { name: "Edit Road Squad" }).click();
  await own.getByRole("checkbox", { name: "Cian Doyle" }).check();
  await own.getByRole("button", { name: "Save" }).click();
  // Saved when the form has closed and the coaches cell names him (the open form lists him too).
  await expect(own.getByRole("button", { name: "Edit Road Squad" })).toBeVisible();
  await expect(own.getByRole("cell", { name: "Cian Doyle", exact: true })).toBeVisible();
  await coach.reload();
  await expect(coach.getByLabel("Squad", { exact: true })).toHaveValue("mine");

  // An athlete is added, signs up and logs a morning check-in.
  await own.goto("/coach/roster/new");
  await own.getByLabel("Full name").fill("Aoife Kelly");
  await own.getByLabel("Email").fill("aoife@northside.test");
  await own.getByLabel("Event or sport").fill("Half marathon");
  await own.getByRole("checkbox", { name: "Road Squad" }).check();
  await own.getByRole("button", { name: "Add athlete and create invite link" }).click();
  const athleteLink = own.getByRole("textbox", { name: "Invite link" });
  await expect(athleteLink).toHaveValue(/\/invite\/[\w-]{40,}$/);
  const athlete = await signUpFromLink(browser, await athleteLink.inputValue(), "aoife-athlete-password");
  await expect(athlete).toHaveURL(/\/me$/);
  await expect(athlete.getByRole("heading", { name: "Hi Aoife" })).toBeVisible();
  await athlete.goto("/me/log/check-in");
  await athlete.getByRole("group", { name: /pain this morning/i }).getByText("1", { exact: true }).click();
  await athlete.getByRole("group", { name: /load test/i }).getByText("2", { exact: true }).click();
  await athlete.getByRole("button", { name: "Save check-in" }).click();
  await expect(athlete.getByRole("heading", { name: "Check-in saved" })).toBeVisible();

  // The athlete is on the coach's board and in the physio's caseload list of the club.
  await coach.goto("/coach/board");
  await expect(coach.getByRole("link", { name: /Aoife Kelly/ })).toBeVisible();
  await own.goto("/coach/board");
  await expect(own.getByRole("link", { name: /Aoife Kelly/ })).toBeVisible();
  await expect(own.getByRole("heading", { name: "Get your club started" })).toHaveCount(0);

  // The owner's club settings.
  await own.goto("/coach/club");
  await expect(own.getByLabel("Club name")).toHaveValue("Northside Runners");
  await expectAccessible(own);

  // The physio's own account: a new name, and a new email confirmed from its link.
  await physio.goto("/account");
  await expect(physio.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expectAccessible(physio);
  await physio.getByRole("textbox", { name: "Your name" }).fill("Pat Walsh-Byrne");
  await physio.getByRole("button", { name: "Save name" }).click();
  await expect(physio.getByText("Name saved")).toBeVisible();
  await physio.getByRole("textbox", { name: "New email" }).fill("pat.walsh@northside.test");
  await physio.locator("#email-current-password").fill("pat-physio-password");
  await physio.getByRole("button", { name: "Change email" }).click();
  const confirmLink = physio.getByRole("textbox", { name: "Email confirmation link" });
  await expect(confirmLink).toHaveValue(/\/confirm-email\/[\w-]{40,}$/);
  await physio.goto(await confirmLink.inputValue());
  await expectAccessible(physio);
  await physio.getByRole("button", { name: "Use pat.walsh@northside.test" }).click();
  await expect(physio.getByText("Your email is now pat.walsh@northside.test")).toBeVisible();
  await signIn(physio, "pat.walsh@northside.test", "pat-physio-password");
  await expect(physio).toHaveURL(/\/physio\/caseload$/);

  // The operator creates a second club from the operator page.
  const operator = await freshPage(browser);
  await operator.goto("/operator");
  await expect(operator).toHaveURL(/\/operator\/sign-in$/);
  await operator.getByLabel("Email").fill(FRESH_OPERATOR.email);
  await operator.getByLabel("Password").fill(FRESH_OPERATOR.password);
  await operator.getByRole("button", { name: "Sign in" }).click();
  await expect(operator.getByRole("heading", { name: "Clubs on this Loadline" })).toBeVisible();
  await expectAccessible(operator);
  await expect(operator.getByRole("row", { name: /Northside Runners/ })).toBeVisible();
  await expect(operator.getByText("Aoife Kelly")).toHaveCount(0);
  await operator.getByLabel("Club name").fill("Southside AC");
  await operator.getByLabel("Owner's name").fill("Sam Murphy");
  await operator.getByLabel("Owner's email").fill("sam@southside.test");
  await operator.getByRole("button", { name: "Create club and set-up link" }).click();
  const setupLink = operator.getByRole("textbox", { name: "Invite link" });
  await expect(setupLink).toHaveValue(/\/invite\/[\w-]{40,}$/);

  // Its owner sets up from the link and sees an empty club of their own.
  const second = await signUpFromLink(browser, await setupLink.inputValue(), "sam-owner-password");
  await expect(second).toHaveURL(/\/coach\/board$/);
  await expect(second.getByRole("heading", { name: "Get your club started" })).toBeVisible();
  await expect(second.getByText("Aoife Kelly")).toHaveCount(0);
  await second.goto("/coach/staff");
  await expect(second.getByRole("cell", { name: "sam@southside.test" })).toBeVisible();
  await expect(second.getByText("Pat Walsh")).toHaveCount(0);
  await second.goto("/coach/roster");
  await expect(second.getByText("Aoife Kelly")).toHaveCount(0);

  // And the first club sees nothing of the second.
  await own.goto("/coach/staff");
  await expect(own.getByText("Sam Murphy")).toHaveCount(0);

  // A club member is no operator.
  await own.goto("/operator");
  await expect(own).toHaveURL(/\/operator\/sign-in$/);
});
