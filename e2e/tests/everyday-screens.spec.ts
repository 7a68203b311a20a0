import { uniqueName } from "./club";
import { expect, expectAccessible, signedInAs, test } from "./fixtures";

/*
 * Desktop screens a coach reads every day: the board fits 1440 px with flags in words, and
 * toasts follow the app's theme, not the operating system's.
 */
test.use(signedInAs("coach"));

test("the board fits a 1440 px screen and names each flag with its sentence", async ({ page }) => {
  await page.goto("/coach/board");
  const table = page.getByRole("table").first();
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  // No sideways scrolling: the page fits the window and every column header is inside the box
  // that holds the table (none cut off at the right).
  const fit = await table.evaluate((el) => {
    const box = (el.parentElement ?? el).getBoundingClientRect();
    const headers = Array.from(el.querySelectorAll("th")).map((th) => ({ text: th.textContent, right: th.getBoundingClientRect().right }));
    return { page: document.documentElement.scrollWidth - window.innerWidth, cut: headers.filter((h) => h.right > box.right + 1).map((h) => h.text) };
  });
  expect(fit).toEqual({ page: 0, cut: [] });
  // A flag badge is read with the domain's sentence, not as a bare code ("R16 · Red").
  const flag = page.getByRole("list", { name: "Open flags" }).first().getByRole("button").first();
  await expect(flag).toBeVisible();
  const name = (await flag.getAttribute("aria-label")) ?? "";
  expect(name.split(" ").length).toBeGreaterThan(5);
  // One shared tip shows the sentence on hover and on keyboard focus, and Escape closes it.
  const sentence = ((await flag.getAttribute("data-flag-tip")) ?? "").split("\n")[0] ?? "";
  expect(name).toContain(sentence);
  const tip = page.getByTestId("flag-tip");
  await expect(async () => {
    await page.mouse.move(0, 0);
    await flag.hover();
    await expect(tip).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(tip).toContainText(sentence);
  await page.keyboard.press("Escape");
  await expect(tip).toHaveCount(0);
  await flag.focus();
  await expect(tip).toContainText(sentence);
  await expectAccessible(page);
  await flag.blur();
  await expect(tip).toHaveCount(0);
});

test("a toast follows the app's dark theme while the system is light", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/coach/squads");
  await page.evaluate(() => window.localStorage.setItem("theme", "dark"));
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  const name = uniqueName("Toast squad");
  await page.getByLabel("Squad name").fill(name);
  // A click before hydration submits nothing; repeat until the toast appears.
  await expect(async () => {
    if ((await page.getByText(`${name} created`).count()) === 0) await page.getByRole("button", { name: "Create squad" }).click();
    await expect(page.getByText(`${name} created`)).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.locator("[data-sonner-toaster]")).toHaveAttribute("data-sonner-theme", "dark");
  await expectAccessible(page);
});

test("the bell shows the server's count at once and opens its list on the first click", async ({ page }) => {
  await page.goto("/coach/board");
  const bell = page.getByRole("button", { name: /^Notifications/ });
  await expect(bell).toBeVisible();
  // The list loads on demand: a click before hydration does nothing, so it is repeated.
  const heading = page.getByRole("dialog").getByRole("heading", { name: "Notifications" });
  await expect(async () => {
    if ((await heading.count()) === 0) await bell.click();
    await expect(heading).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(heading).toHaveCount(0);
  await expect(bell).toBeFocused();
});
