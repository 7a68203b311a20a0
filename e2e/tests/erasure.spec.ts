import { newAthlete } from "./club";
import { expect, expectAccessible, signedInAs, signIn, test } from "./fixtures";

// The demo coach (Sam Whitfield) owns the demo club, so their saved session may erase.
test.describe("erasing an athlete at their request", () => {
  test.use(signedInAs("coach"));

  test("the owner types the athlete's name to erase them; the athlete is signed out and cannot sign in again", async ({ page, browser }, testInfo) => {
    const athlete = await newAthlete(testInfo, { account: true, first: "Erin" });

    // The athlete is signed in elsewhere, on their own device.
    // A context of its own: without an empty storage state it would start with the coach's saved session.
    const theirs = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const theirPage = await theirs.newPage();
    await signIn(theirPage, athlete.email, athlete.password);
    await expect(theirPage).toHaveURL(/\/me$/, { timeout: 30_000 });

    await page.goto(`/coach/roster/${athlete.athleteId}`);
    await expect(page.getByRole("heading", { name: athlete.name })).toBeVisible();
    await page.getByRole("button", { name: "Erase athlete…" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Erase ${athlete.name}?` });
    await expect(dialog).toBeVisible();
    await expectAccessible(page);

    const confirm = dialog.getByLabel(`Type ${athlete.name} to confirm`);
    const erase = dialog.getByRole("button", { name: "Erase for good" });
    await confirm.fill(athlete.name.slice(0, -2));
    await expect(erase).toBeDisabled();
    await confirm.fill(athlete.name.toUpperCase());
    await expect(erase).toBeEnabled();
    await erase.click();

    await expect(page.getByText("The athlete's personal data was erased")).toBeVisible();
    await expect(page).toHaveURL(/\/coach\/roster$/);
    await page.goto(`/coach/roster?q=${encodeURIComponent(athlete.name)}`);
    await page.getByLabel("Show archived").check();
    await expect(page.getByRole("row", { name: new RegExp(athlete.name) })).toHaveCount(0);

    // Their open session ends, and their email and password no longer sign in.
    await theirPage.reload();
    await expect(theirPage).toHaveURL(/\/sign-in/, { timeout: 30_000 });
    await signIn(theirPage, athlete.email, athlete.password);
    await expect(theirPage.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
    await expect(theirPage).toHaveURL(/\/sign-in/);
    await theirs.close();
  });

  test("the retention setting is in club settings and refuses a value out of bounds at its field", async ({ page }) => {
    await page.goto("/coach/club");
    const field = page.getByLabel("Erase archived athletes after (months)");
    await expect(field).toHaveValue("");
    await field.fill("500");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Retention must be at most 120 months")).toBeVisible();
    await expect(field).toHaveValue("500");
    await expectAccessible(page);
  });
});
