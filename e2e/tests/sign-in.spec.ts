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

  test("signing out returns to the sign-in page and protects pages again", async ({ page }) => {
    await signIn(page, demoLogins.physio.email, demoLogins.physio.password);
    await expect(page).toHaveURL(/\/physio\/caseload$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/physio/caseload");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  });

  test("the sign-in page is accessible", async ({ page }) => {
    await page.goto("/sign-in");
    await expectAccessible(page);
  });
});
