import { request } from "@playwright/test";
import { apiAs, apiSignedInAs, newAthlete, startRehab, uniqueName } from "./club";
import { expect, expectAccessible, signIn, signedInAs, test } from "./fixtures";

/*
 * The exercise library: a physio attaches an image and a how-to to a library exercise, the
 * athlete sees them on Today (the image through the club-only media route); a coach corrects
 * their own gait note. Each test creates what it changes.
 */

/** A 1x1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

interface Entry {
  id: string;
  name: string;
  version: number;
}
interface CurrentPlan {
  plan: { version: number; body: { prescriptions: unknown[] } } | null;
}

test.describe("exercise media", () => {
  test.use(signedInAs("physio"));

  test("a physio attaches an image and a how-to; the athlete sees them on Today", async ({ page, browser }, testInfo) => {
    const athlete = await newAthlete(testInfo, { first: "Ines", account: true });
    await startRehab(testInfo, athlete.athleteId);
    const physio = await apiAs(testInfo, "physio");
    const exerciseName = uniqueName("Banded bridge");
    try {
      await physio.mutate("exercises.create", { name: exerciseName, category: "glute_core", phases: [1], hipFlexionDemand: "low", description: "Band above the knees" });

      await page.goto("/physio/library");
      await expect(page.getByRole("heading", { name: "Exercise library" })).toBeVisible();
      // A click before hydration does nothing: toggle the retired filter until the page answers.
      const showRetired = page.getByRole("checkbox", { name: /Show retired exercises/ });
      await expect(async () => {
        await showRetired.click();
        await expect(showRetired).toBeChecked({ timeout: 2_000 });
      }).toPass({ timeout: 30_000 });
      const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: exerciseName }) });
      await card.locator("summary", { hasText: "How-to and media" }).click();
      await expectAccessible(page);
      await card.getByLabel("How-to").fill("Push the knees out against the band; hold the top for two seconds.");
      await card.getByLabel("Video link").fill("http://example.test/clip");
      await card.getByLabel("Image").setInputFiles({ name: "bridge.png", mimeType: "image/png", buffer: PNG });
      await card.getByRole("button", { name: "Save how-to and media" }).click();
      // http is refused at the field, and what was typed stays.
      await expect(card.getByText("Video link must be an https:// link")).toBeVisible();
      await expect(card.getByLabel("How-to")).toHaveValue(/hold the top for two seconds/);
      await card.getByLabel("Video link").fill("https://vimeo.com/76979871");
      await card.getByRole("button", { name: "Save how-to and media" }).click();
      await expect(card.getByText("Version 2")).toBeVisible();
      await expect(card.getByRole("img", { name: `How to do ${exerciseName}` })).toBeVisible();

      // The physio prescribes it: the plan keeps version 2.
      const entry = (await physio.query<Entry[]>("exercises.list", { includeRetired: false })).find((e) => e.name === exerciseName)!;
      const current = await physio.query<CurrentPlan>("plans.current", { athleteId: athlete.athleteId });
      await physio.mutate("plans.save", {
        athleteId: athlete.athleteId,
        baseVersion: current.plan!.version,
        body: {
          prescriptions: [
            ...current.plan!.body.prescriptions,
            { id: entry.id, exerciseVersion: entry.version, exercise: exerciseName, category: "glute_core", sets: 3, reps: 10, sessionsPerWeek: 3, heavy: false, highTendonLoad: false },
          ],
          allowedActivities: [],
          forbiddenActivities: [],
          thresholds: {},
          returnToSportElements: [],
          notes: "Isometrics daily",
        },
      });

      const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      const today = await context.newPage();
      await signIn(today, athlete.email, athlete.password);
      await today.waitForURL(/\/me/);
      await expect(today.getByText("Push the knees out against the band; hold the top for two seconds.")).toBeVisible({ timeout: 45_000 });
      const image = today.getByRole("img", { name: `How to do ${exerciseName}` });
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
      await expect(today.getByRole("link", { name: /Watch the video on Vimeo/ })).toHaveAttribute("href", "https://vimeo.com/76979871");
      await expectAccessible(today);
      await context.close();

      // The image is for the club only: typed, not sniffable, not cached; signed out gets nothing.
      const own = await apiSignedInAs(testInfo, athlete);
      // An empty storage state: the runner's `request` would otherwise carry the spec's signed-in session.
      const anonymous = await request.newContext({ baseURL: testInfo.project.use.baseURL!, storageState: { cookies: [], origins: [] } });
      try {
        const response = await own.context.get(`/api/exercise-media/${entry.id}/${entry.version}`);
        expect(response.status()).toBe(200);
        expect(response.headers()["content-type"]).toBe("image/png");
        expect(response.headers()["x-content-type-options"]).toBe("nosniff");
        expect(response.headers()["cache-control"]).toContain("no-store");
        expect(Buffer.from(await response.body()).equals(PNG)).toBe(true);
        expect((await anonymous.get(`/api/exercise-media/${entry.id}/${entry.version}`)).status()).toBe(401);
      } finally {
        await own.dispose();
        await anonymous.dispose();
      }
    } finally {
      await physio.dispose();
    }
  });
});

test.describe("gait corrections", () => {
  test.use(signedInAs("coach"));

  test("a coach corrects their own gait note; the physio sees both versions", async ({ page }, testInfo) => {
    const athlete = await newAthlete(testInfo, { first: "Gaia" });
    const coach = await apiAs(testInfo, "coach");
    const physio = await apiAs(testInfo, "physio");
    try {
      await coach.mutate("gait.create", {
        athleteId: athlete.athleteId,
        surface: "overground",
        speedKmh: 12,
        cadenceSpm: 160,
        faults: [{ code: "OVERSTRIDE", severity: 2, side: "both" }],
        cues: ["Quick feet"],
        notes: "Heavy heel strike at 12 km/h",
      });
      await page.goto(`/coach/athletes/${athlete.athleteId}`);
      await expect(page.getByText("Heavy heel strike at 12 km/h")).toBeVisible();
      await page.getByRole("link", { name: "Correct", exact: true }).click();
      await expect(page.getByRole("heading", { name: "Correct gait assessment" })).toBeVisible();
      await expectAccessible(page);
      await page.getByLabel("Notes").fill("Mild heel strike at 12 km/h");
      await page.getByRole("button", { name: "Save correction" }).click();
      await page.waitForURL(new RegExp(`/coach/athletes/${athlete.athleteId}$`));
      await expect(page.getByText("Mild heel strike at 12 km/h")).toBeVisible();
      await expect(page.getByText("Corrected; the earlier version is in the athlete's history.")).toBeVisible();

      const records = await physio.query<{ gait: { id: string; revisions: number }[]; revisions: { logKind: string; action: string; data: { notes?: string } }[] }>("athleteRecords.get", {
        athleteId: athlete.athleteId,
        days: 30,
      });
      expect(records.gait[0]?.revisions).toBe(2);
      expect(records.revisions.filter((r) => r.logKind === "gait").map((r) => r.data.notes).sort()).toEqual(["Heavy heel strike at 12 km/h", "Mild heel strike at 12 km/h"]);
    } finally {
      await coach.dispose();
      await physio.dispose();
    }
  });
});
