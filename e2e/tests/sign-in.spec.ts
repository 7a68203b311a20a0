import { DEMO_PASSWORD } from "@loadline/db/seed";
import { demoLogins, expect, expectAccessible, signIn, test, type Role } from "./fixtures";

test.describe("sign-in", () => {
  for (const role of Object.keys(demoLogins) as Role[]) {
    test(`the demo ${role} lands on their own home page`, async ({ page }) => {
      const login = demoLogins[role];
      await signIn(page, login.email, login.password);
      await expect(page).toHaveURL(new RegExp(`${login.home}$`));
      await expect(page.getByText(login.name).first()).toBeVisible();
    });
  }

  test("a wrong password gets a clear message and keeps the email", async ({ page }) => {
    await signIn(page, demoLogins.coach.email, "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toHaveText("That email and password do not match an account.");
    await expect(page.getByLabel("Email")).toHaveValue(demoLogins.coach.email);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("an invalid email is flagged next to the field", async ({ page }) => {
    await signIn(page, "coach-at-nowhere", "whatever");
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
  });

  // Signing out ends every session of that user (server-side session version), so this signs
  // out a demo athlete no other test uses: the saved sessions of the demo roles stay valid.
  test("signing out returns to the sign-in page and protects pages again", async ({ page }) => {
    await signIn(page, "nina.kowalski@loadline.demo", DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/me$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/me");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  });

  test("the sign-in page is accessible", async ({ page }) => {
    await page.goto("/sign-in");
    await expectAccessible(page);
  });
});
