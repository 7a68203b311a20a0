import { randomBytes } from "node:crypto";
import { apiAs } from "./club";
import { expect, expectAccessible, signedInAs, test } from "./fixtures";

/** Athletes this spec adds; enough that the board's rows must not all be in the document. */
const LARGE_SQUAD = 160;
/** Rows the virtualised board may hold in the document (the rows in view plus overscan). */
const ROWS_IN_DOCUMENT_MAX = 60;

test.describe("the squad board at squad scale", () => {
  test.use(signedInAs("coach"));

  test("keeps only the rows in view in the document, reaches every row by scrolling or keyboard, and fits 1440 px", async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    const coach = await apiAs(testInfo, "coach");
    // Names that sort after every seeded athlete, so the last row is known.
    const prefix = `Zulu${randomBytes(3).toString("hex")}`;
    const names = Array.from({ length: LARGE_SQUAD }, (_, i) => `${prefix} Scale ${String(i).padStart(3, "0")}`);
    try {
      const squads = await coach.query<{ id: string; name: string }[]>("roster.squads");
      const distance = squads.find((s) => s.name === "Distance");
      if (!distance) throw new Error("no Distance squad");
      // A few at a time: the roster's own procedure, as a coach adding a squad would.
      for (let i = 0; i < names.length; i += 8) {
        await Promise.all(
          names.slice(i, i + 8).map((name) =>
            coach.mutate("roster.add", {
              name,
              email: `${name.toLowerCase().replace(/\W+/g, ".")}@loadline.test`,
              squadIds: [distance.id],
              eventOrSport: "1,500 m",
              birthYear: null,
              sex: "unspecified",
              preInjuryWeeklyKm: null,
              previousHamstringInjury: false,
            }),
          ),
        );
      }
    } finally {
      await coach.dispose();
    }

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/coach/board?sort=name");
    const region = page.getByRole("region", { name: /^Squad board/ });
    const rows = region.getByRole("row");
    const lastName = `${prefix} Scale ${String(LARGE_SQUAD - 1).padStart(3, "0")}`;
    await expect(page.getByText(/^\d+ of \d+ athletes$/)).toBeVisible();
    await expect(rows.nth(1)).toBeVisible();
    // Sorted by name, this spec's athletes come last: the last one is not in the document yet.
    await expect(rows.filter({ hasText: lastName })).toHaveCount(0);
    const total = Number((await page.getByText(/^\d+ of \d+ athletes$/).textContent())?.match(/of (\d+)/)?.[1]);
    expect(total).toBeGreaterThanOrEqual(LARGE_SQUAD);
    expect(await rows.count()).toBeLessThanOrEqual(ROWS_IN_DOCUMENT_MAX);

    // No sideways scrolling at 1440 px: neither the page nor the board's own region.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    // Nor inside the board: its widest row fits the region (which never scrolls sideways).
    expect(await region.locator("table").evaluate((el) => el.getBoundingClientRect().width - (el.parentElement as HTMLElement).clientWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(page);

    // The keyboard reaches the end: the region takes focus, End scrolls it to the last row.
    await region.focus();
    const last = rows.filter({ hasText: lastName });
    // Rows are measured as they arrive, so the end can move a little after the first End, as in
    // any list whose rows differ in height: pressing End again reaches it.
    await expect
      .poll(async () => {
        await page.keyboard.press("End");
        return last.count();
      })
      .toBe(1);
    await expect(last).toBeVisible();
    // The first rows left the document as the last ones came in.
    await expect(rows.filter({ hasText: `${prefix} Scale 000` })).toHaveCount(0);
    expect(await rows.count()).toBeLessThanOrEqual(ROWS_IN_DOCUMENT_MAX);
    // Each row says where it sits among all of them.
    expect(Number(await last.getAttribute("aria-rowindex"))).toBe(total + 1);
    await last.getByRole("link").click();
    await expect(page.getByRole("heading", { name: lastName })).toBeVisible();
  });
});
