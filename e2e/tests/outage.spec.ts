import { expect, expectAccessible, signedInAs, test } from "./fixtures";

/*
 * While the server answers 503 (its database unreachable), the athlete's form keeps what was
 * typed, says so, and sends the same entry again with the same idempotency key until it is
 * saved. The outage is simulated at the browser: the first two sends get the 503 the server
 * gives when it cannot reach its database; the third reaches the real server.
 */
test.use({ ...signedInAs("athlete"), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("a check-in sent during a database outage is retried with the same key and saved once", async ({ page }) => {
  const keys: string[] = [];
  let refused = 0;
  await page.route("**/api/trpc/checkIns.create**", async (route) => {
    const body = route.request().postDataJSON() as Record<string, { json: { idempotencyKey: string } }>;
    keys.push(Object.values(body)[0]!.json.idempotencyKey);
    if (refused < 2) {
      refused++;
      const message = "Loadline can't reach its database right now. Your entry is kept; try again in a few seconds.";
      await route.fulfill({
        status: 503,
        headers: { "content-type": "application/json", "retry-after": "2" },
        body: JSON.stringify([{ error: { json: { message, code: -32603, data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503 } } } }]),
      });
      return;
    }
    await route.continue();
  });

  await page.goto("/me/log/check-in");
  await page.getByRole("group", { name: /pain this morning/i }).getByText("2", { exact: true }).click();
  await page.getByLabel("Morning stiffness (min)").fill("7");
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByRole("status").filter({ hasText: "your entry is kept, retrying" })).toBeVisible();
  await expect(page.getByLabel("Morning stiffness (min)")).toHaveValue("7");
  await expectAccessible(page);
  await expect(page.getByRole("heading", { name: "Check-in saved" })).toBeVisible({ timeout: 20_000 });
  expect(keys).toHaveLength(3);
  expect(new Set(keys).size).toBe(1);
});
