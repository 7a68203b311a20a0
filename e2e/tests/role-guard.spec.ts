import { expect, signedInAs, test } from "./fixtures";

test.describe("an athlete who types a coach URL", () => {
  test.use(signedInAs("athlete"));

  for (const url of ["/coach/roster", "/coach/staff", "/physio/caseload"]) {
    test(`is refused at ${url}`, async ({ page }) => {
      await page.goto(url);
      await expect(page).toHaveURL(/\/forbidden/);
      await expect(page.getByRole("heading", { name: "This page is not for your role" })).toBeVisible();
      await expect(page.getByText("Squad roster")).toHaveCount(0);
      await page.getByRole("link", { name: "Go to my home page" }).click();
      await expect(page).toHaveURL(/\/me$/);
    });
  }

  test("cannot call the coach API either", async ({ page }) => {
    const response = await page.request.get("/api/trpc/roster.list");
    expect(response.status()).toBe(403);
  });
});

test("an anonymous visitor is sent to sign in", async ({ page }) => {
  await page.goto("/coach/roster");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});
