import { uniqueName } from "./club";
import { expect, expectAccessible, signedInAs, test } from "./fixtures";

test.describe("a coach invites an athlete", () => {
  test.use(signedInAs("coach"));

  test("adds the athlete, copies the link, and the athlete sets a password and sees their page @smoke", async ({ page, browser }) => {
    const name = uniqueName("Nia");
    const email = `${name.toLowerCase().replace(/\W+/g, ".")}@loadline.test`;
    await page.goto("/coach/roster/new");
    await page.getByLabel("Full name").fill(name);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Event or sport").fill("800 m");
    await page.getByLabel("Birth year").fill("2003");
    await page.getByRole("checkbox", { name: "Field & Sprint" }).check();
    await page.getByRole("button", { name: "Add athlete and create invite link" }).click();

    const link = page.getByLabel("Invite link");
    await expect(link).toHaveValue(/\/invite\/[\w-]{40,}$/);
    const inviteUrl = await link.inputValue();

    // The athlete opens the link in their own browser.
    const athleteContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const athlete = await athleteContext.newPage();
    await athlete.goto(inviteUrl);
    await expect(athlete.getByRole("heading", { name: `Welcome, ${name}` })).toBeVisible();
    await expectAccessible(athlete);
    await athlete.getByLabel("New password").fill("short");
    await athlete.getByLabel("Repeat the password").fill("short");
    await athlete.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(athlete.getByText("Use at least 10 characters")).toBeVisible();

    await athlete.getByLabel("New password").fill("nia-strong-password");
    await athlete.getByLabel("Repeat the password").fill("nia-strong-password");
    await athlete.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(athlete).toHaveURL(/\/me$/);
    await expect(athlete.getByRole("heading", { name: "Hi Nia" })).toBeVisible();
    await expect(athlete.getByText("800 m", { exact: true })).toBeVisible();

    // The link works once.
    await athlete.goto(inviteUrl);
    await expect(athlete.getByRole("heading", { name: "This invite link has already been used" })).toBeVisible();
    await athleteContext.close();

    // The roster now shows an active account.
    await page.goto(`/coach/roster?q=${encodeURIComponent(name)}`);
    await expect(page.getByRole("row", { name: new RegExp(name) }).getByText("Active")).toBeVisible();
  });

  test("a bad field is flagged next to it and nothing typed is lost", async ({ page }) => {
    await page.goto("/coach/roster/new");
    await page.getByLabel("Full name").fill("Kept Name");
    await page.getByLabel("Email").fill("taken@");
    await page.getByLabel("Event or sport").fill("Hammer");
    await page.getByLabel("Birth year").fill("3010");
    await page.getByRole("button", { name: "Add athlete and create invite link" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByText("Birth year is in the future")).toBeVisible();
    await expect(page.getByLabel("Full name")).toHaveValue("Kept Name");
    await expect(page.getByLabel("Event or sport")).toHaveValue("Hammer");

    // The server's check lands on the same field: this person (the signed-in coach) is already in the club.
    await page.getByLabel("Email").fill("coach@loadline.demo");
    await page.getByLabel("Birth year").fill("1990");
    await page.getByRole("button", { name: "Add athlete and create invite link" }).click();
    await expect(page.getByText("This person is already in your club")).toBeVisible();
    await expect(page.getByLabel("Full name")).toHaveValue("Kept Name");
  });
});

test("an unknown invite link gets a clear page", async ({ page }) => {
  await page.goto("/invite/this-token-does-not-exist-anywhere-at-all-000");
  await expect(page.getByRole("heading", { name: "This invite link is not valid" })).toBeVisible();
});
