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
    // API answers carry their fixed security headers (next.config.ts), pages the proxy's with a nonce.
    const headers = response.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers["cache-control"]).toContain("no-store");
    const page403 = await page.request.get("/forbidden");
    expect(page403.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(page403.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test("an anonymous visitor is sent to sign in", async ({ page }) => {
  await page.goto("/coach/roster");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});
