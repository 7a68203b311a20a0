import { newAthlete } from "./club";
import { expect, expectAccessible, signedInAs, test } from "./fixtures";

test.describe("the coach's roster", () => {
  test.use(signedInAs("coach"));

  test("lists the demo club and filters by squad and name, keeping filters in the URL @smoke", async ({ page }) => {
    await page.goto("/coach/roster");
    await expect(page.getByRole("heading", { name: "Squad roster" })).toBeVisible();
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.filter({ hasText: "Maya Okafor" })).toBeVisible();
    await expect(rows.filter({ hasText: "Jordan Blake" })).toBeVisible();

    await page.getByLabel("Squad", { exact: true }).selectOption({ label: "Distance" });
    await expect(page).toHaveURL(/squad=/);
    await expect(rows.filter({ hasText: "Jordan Blake" })).toHaveCount(0);
    await expect(rows.filter({ hasText: "Maya Okafor" })).toBeVisible();

    await page.getByLabel("Search by name").fill("tom");
    await expect(page).toHaveURL(/q=tom/);
    await expect(rows.filter({ hasText: "Tom Hargreaves" })).toBeVisible();
    await expect(rows.filter({ hasText: "Maya Okafor" })).toHaveCount(0);

    await page.reload();
    await expect(page.getByLabel("Search by name")).toHaveValue("tom");
    await expect(rows.filter({ hasText: "Maya Okafor" })).toHaveCount(0);
  });

  test("sorts by name both ways", async ({ page }) => {
    await page.goto("/coach/roster");
    const firstName = () => page.getByRole("table").getByRole("row").nth(1).getByRole("link").first().textContent();
    const ascending = await firstName();
    await page.getByRole("button", { name: "Name" }).click();
    await expect(page).toHaveURL(/sort=-name/);
    expect(await firstName()).not.toBe(ascending);
  });

  test("edits an athlete, moves them to another squad, archives and restores them", async ({ page }, testInfo) => {
    const { name } = await newAthlete(testInfo, { squad: "Distance", first: "Aisha" });
    await page.goto(`/coach/roster?q=${encodeURIComponent(name)}`);
    await page.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await page.getByLabel("Event or sport").fill("5,000 m and cross country");
    await page.getByRole("checkbox", { name: "Field & Sprint" }).check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Profile saved")).toBeVisible();

    await page.goto(`/coach/roster?q=${encodeURIComponent(name)}`);
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText("5,000 m and cross country");
    await expect(row).toContainText("Distance, Field & Sprint");

    await row.getByRole("button", { name: `Actions for ${name}` }).click();
    await page.getByRole("menuitem", { name: "Field & Sprint" }).click();
    await expect(row).not.toContainText("Distance");

    await row.getByRole("button", { name: `Actions for ${name}` }).click();
    await page.getByRole("menuitem", { name: "Archive athlete" }).click();
    await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
    await page.getByLabel("Show archived").check();
    const archivedRow = page.getByRole("row", { name: new RegExp(name) });
    await expect(archivedRow.getByText("Archived")).toBeVisible();
    await archivedRow.getByRole("button", { name: `Actions for ${name}` }).click();
    await page.getByRole("menuitem", { name: "Restore athlete" }).click();
    await expect(archivedRow.getByText("Archived")).toHaveCount(0);
  });

  test("roster and staff pages are accessible", async ({ page }) => {
    await page.goto("/coach/roster");
    await expect(page.getByRole("table")).toBeVisible();
    await expectAccessible(page);
    await page.goto("/coach/staff");
    await expect(page.getByRole("rowheader", { name: "Dr Priya Nair", exact: true })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("other roles' home pages", () => {
  test.describe("physio", () => {
    test.use(signedInAs("physio"));
    test("sees the caseload from the database", async ({ page }) => {
      await page.goto("/physio/caseload");
      await expect(page.getByRole("rowheader", { name: "Maya Okafor" })).toBeVisible();
      await expectAccessible(page);
    });
  });
  test.describe("athlete", () => {
    test.use(signedInAs("athlete"));
    test("sees their own profile", async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/me");
      await expect(page.getByRole("heading", { name: "Hi Maya" })).toBeVisible();
      await expect(page.getByText("10,000 m").first()).toBeVisible();
      // /me is the athlete's Today page; the demo athlete is in phase 2.
      await expect(page.getByRole("heading", { name: "Eccentric and heavy slow resistance" })).toBeVisible();
      await expectAccessible(page);
    });
  });
});
