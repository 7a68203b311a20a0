import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Locator, type Page, type TestInfo } from "@playwright/test";
import { DEMO_PASSWORD, demoAthleteEmail, demoStaff } from "@loadline/db/seed";

export type Role = "coach" | "physio" | "athlete";

export const demoLogins: Record<Role, { email: string; password: string; home: string; name: string }> = {
  coach: { email: demoStaff.coach.email, password: DEMO_PASSWORD, home: "/coach/board", name: demoStaff.coach.name },
  physio: { email: demoStaff.physio.email, password: DEMO_PASSWORD, home: "/physio/caseload", name: demoStaff.physio.name },
  athlete: { email: demoAthleteEmail, password: DEMO_PASSWORD, home: "/me", name: "Maya Okafor" },
};

/** Saved sessions, one folder per database target (project names are `<target>`, `<target>-phone` and `setup-<target>`). */
export function authFile(testInfo: TestInfo, role: Role): string {
  const target = testInfo.project.name.replace(/^setup-/, "").replace(/-phone$/, "");
  return path.join(import.meta.dirname, "..", ".auth", process.env.E2E_PORT_BASE ?? "3100", target, `${role}.json`);
}

/** `test.use(signedInAs("coach"))` starts every test of the file with the coach's saved session. */
export function signedInAs(role: Role) {
  return { storageState: async ({}, use: (file: string) => Promise<void>, testInfo: TestInfo) => use(authFile(testInfo, role)) };
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** No serious or critical accessibility violations on the current page. */
export async function expectAccessible(page: Page) {
  // Colour contrast is measured on what is drawn: let running transitions (a button fading back
  // from its pending opacity) end first. Endless animations (skeletons) are left alone.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2_000)),
    ]),
  );
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const severe = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(severe.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/**
 * Opens a tab and waits until it is the selected one. A click that lands before the page has
 * hydrated does nothing, so the click is repeated until the tab reports itself selected.
 */
export async function openTab(page: Page, name: string) {
  const tab = page.getByRole("tab", { name, exact: true });
  await expect(async () => {
    await tab.click();
    await expect(tab).toHaveAttribute("aria-selected", "true", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Sets a date-and-time field (day, month, year, hour, minute selects in the club's locale) to an
 * instant as the club's wall clock reads it.
 * @param group the field, e.g. `page.getByRole("group", { name: "When" })`
 */
export async function chooseDateTime(group: Locator, at: Date, timeZone = "Europe/London") {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  for (const [label, part] of [["Year", "year"], ["Month", "month"], ["Day", "day"], ["Hour", "hour"], ["Minute", "minute"]] as const) {
    await group.getByLabel(label, { exact: true }).selectOption(String(Number(parts[part])));
  }
}

/**
 * Sets a date field (day, month, year selects in the club's locale) to a "YYYY-MM-DD" day.
 * @param group the field, e.g. `page.getByRole("group", { name: "From", exact: true })`
 */
export async function chooseDate(group: Locator, day: string) {
  const [year, month, date] = day.split("-");
  for (const [label, part] of [["Year", year], ["Month", month], ["Day", date]] as const) {
    await group.getByLabel(label, { exact: true }).selectOption(String(Number(part)));
  }
}

/** Checks that a date field shows a "YYYY-MM-DD" day. */
export async function expectDate(group: Locator, day: string) {
  const [year, month, date] = day.split("-");
  for (const [label, part] of [["Year", year], ["Month", month], ["Day", date]] as const) {
    await expect(group.getByLabel(label, { exact: true })).toHaveValue(String(Number(part)));
  }
}

export const test = base;
export { expect };
