import { devices } from "@playwright/test";
import { logRedSession, newAthlete, serverNow } from "./club";
import { expect, expectAccessible, signedInAs, test } from "./fixtures";

/*
 * Staff specs run on a desktop; this one checks the coach's header on a phone (Pixel 7,
 * 412 px wide): the navigation, with "Alerts (N new)" in it, stays on one line.
 */
const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices["Pixel 7"];
test.use({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch });
test.use(signedInAs("coach"));

test("on a phone the coach's header keeps one row of controls and 'Alerts (N new)' on one line", async ({ page }, testInfo) => {
  // An athlete of this spec's own with a red session, so the club has at least one new alert.
  const athlete = await newAthlete(testInfo, { squad: "Distance", first: "Header", account: true });
  await logRedSession(testInfo, athlete, new Date(serverNow().getTime() - 3_600_000));
  const nav = page.getByRole("navigation", { name: "Main" });
  const alerts = nav.getByRole("link", { name: /^Alerts \(\d+ new\)$/ });
  // Re-assessment runs on the queue: reload until the count is in the navigation.
  await expect(async () => {
    await page.goto("/coach/board");
    await expect(alerts).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000 });

  const board = await nav.getByRole("link", { name: "Board", exact: true }).boundingBox();
  const link = await alerts.boundingBox();
  const lineHeight = await alerts.evaluate((el) => {
    const style = getComputedStyle(el);
    return { line: parseFloat(style.lineHeight), padding: parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) };
  });
  // One line: as tall as a one-word link, and less than two lines of text.
  expect(link!.height).toBeCloseTo(board!.height, 0);
  expect(link!.height).toBeLessThan(2 * lineHeight.line + lineHeight.padding - 1);
  expect(link!.y).toBeCloseTo(board!.y, 0);

  // The logo and the last control (Sign out) share the header's first row.
  const logo = await page.getByRole("link", { name: "Loadline" }).boundingBox();
  const signOut = await page.getByRole("button", { name: "Sign out" }).boundingBox();
  expect(Math.abs(logo!.y + logo!.height / 2 - (signOut!.y + signOut!.height / 2))).toBeLessThan(8);
  expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(viewport.width);
  const header = await page.locator("header").first().boundingBox();
  expect(header!.height).toBeLessThan(100);
  await expectAccessible(page);
});
