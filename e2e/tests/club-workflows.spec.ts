import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { apiAs, newAthlete, startRehab, uniqueName } from "./club";
import { authFile, expect, expectAccessible, openTab, signedInAs, test } from "./fixtures";

/*
 * Club workflows: the handover PDF, CSV export and roster import, calendar subscription, and a
 * note thread across the three roles. Each test creates what it changes.
 */

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes, isEvalSupported: false, verbosity: 0 }).promise;
  let text = "";
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((item) => ("str" in item ? item.str : "")).join(" ") + "\n";
  }
  return text.replace(/\s+/g, " ");
}

test.describe("handover report", () => {
  test.use(signedInAs("physio"));

  test("a physio downloads the handover PDF; the coach's copy has no clinical section; an athlete is refused", async ({ page }, testInfo) => {
    const athlete = await newAthlete(testInfo, { first: "Hana" });
    await startRehab(testInfo, athlete.athleteId);
    await page.goto(`/physio/athletes/${athlete.athleteId}`);
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download handover (PDF)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^handover-hana-e2e[0-9a-f]+-physio-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = await pdfText(new Uint8Array(await readFile(await download.path())));
    expect(text).toContain(`Handover report: ${athlete.name}`);
    expect(text).toContain("Open episode");
    expect(text).toContain("Phase 1: Calm the tendon");
    expect(text).toContain("not medical advice");

    const coach = await apiAs(testInfo, "coach");
    const athleteApi = await apiAs(testInfo, "athlete");
    try {
      const response = await coach.context.get(`/api/reports/handover/${athlete.athleteId}`);
      expect(response.headers()["content-type"]).toBe("application/pdf");
      const coachText = await pdfText(new Uint8Array(await response.body()));
      expect(coachText).toContain(`Coach's handover report: ${athlete.name}`);
      expect(coachText).not.toContain("Open episode");
      expect(coachText).not.toContain("Exit checklist");
      expect((await athleteApi.context.get(`/api/reports/handover/${athlete.athleteId}`)).status()).toBe(403);
      // Another site's page cannot start a download with the coach's cookies.
      expect((await coach.context.get(`/api/reports/handover/${athlete.athleteId}`, { headers: { "sec-fetch-site": "cross-site" } })).status()).toBe(403);
    } finally {
      await coach.dispose();
      await athleteApi.dispose();
    }
  });
});

test.describe("CSV in and out", () => {
  test.use(signedInAs("coach"));

  test("a coach exports the roster as CSV", async ({ page }) => {
    await page.goto("/coach/roster");
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export roster (CSV)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^roster-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), "utf8");
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("Name,Email,Event or sport,Squads,Account,Archived");
    expect(csv).toContain("Maya Okafor");
  });

  test("a coach exports the board and squad load with units in the headers", async ({ page }) => {
    await page.goto("/coach/board");
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export 12-week squad load (CSV)" }).click();
    const csv = await readFile(await (await downloading).path(), "utf8");
    expect(csv.split("\r\n")[0]).toContain("Running distance (km)");
    expect(csv).toContain("Maya Okafor");
    const board = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export board (CSV)" }).click();
    expect(await readFile(await (await board).path(), "utf8")).toContain("Maya Okafor");
  });

  test("roster import previews a bad row with the form's message and imports the good one", async ({ page }) => {
    const good = uniqueName("Imogen");
    const email = `${good.toLowerCase().replace(/\W+/g, ".")}@loadline.test`;
    const csv = ["Name,Email,Squads,Event or sport", `${good},${email},Distance,Marathon`, "Bad Row,not-an-email,Distance,Marathon"].join("\n");
    await page.goto("/coach/roster/import");
    await page.getByLabel("CSV file").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect(page.getByRole("heading", { name: "Preview: 1 ready to import, 1 with errors" })).toBeVisible();
    const bad = page.getByRole("row").filter({ hasText: "Bad Row" });
    await expect(bad).toContainText("Email: Enter a valid email address");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Import 1 athlete" }).click();
    await expect(page.getByText("1 athlete added")).toBeVisible();
    await page.goto("/coach/roster");
    await expect(page.getByRole("row").filter({ hasText: good })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "Bad Row" })).toHaveCount(0);
  });
});

test.describe("calendar", () => {
  test.use(signedInAs("athlete"));

  test("an athlete creates a private feed URL, a calendar app reads it, and revoking ends it", async ({ page, playwright }, testInfo) => {
    await page.goto("/me/calendar");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Create a subscription URL" }).click();
    const url = await page.getByLabel("Copy it now: it is shown only once.").inputValue();
    expect(url).toMatch(/\/api\/calendar\/[\w-]{40,}\.ics$/);
    // A calendar app: no cookies, only the URL.
    const app = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
    try {
      const feed = await app.get(url);
      expect(feed.status()).toBe(200);
      expect(feed.headers()["content-type"]).toContain("text/calendar");
      const body = await feed.text();
      expect(body).toContain("BEGIN:VCALENDAR");
      expect(body).toContain("X-WR-CALNAME:Loadline: Maya Okafor");
      const live = page.getByRole("listitem").filter({ hasText: "My days" });
      await live.first().getByRole("button", { name: "Revoke" }).click();
      await expect(async () => expect((await app.get(url)).status()).toBe(404)).toPass();
    } finally {
      await app.dispose();
    }
  });
});

test.describe("notes", () => {
  test.use(signedInAs("physio"));

  test("a thread across the three roles: the coach never sees the clinical note, the athlete only the shared one", async ({ page, browser }, testInfo) => {
    const coachApi = await apiAs(testInfo, "coach");
    const roster = await coachApi.query<{ id: string; name: string }[]>("roster.list", { includeArchived: false });
    await coachApi.dispose();
    const maya = roster.find((r) => r.name === "Maya Okafor")!;
    const tag = uniqueName("note");
    await page.goto(`/physio/athletes/${maya.id}`);
    await openTab(page, "Notes");
    await page.getByLabel("New note").fill(`Clinical ${tag}: query lumbar referral`);
    await page.getByLabel("Who may read it").selectOption({ label: "Clinical (physios only)" });
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: `Clinical ${tag}` })).toBeVisible();
    await page.getByLabel("New note").fill(`Shared ${tag}: keep the isometrics daily`);
    await page.getByLabel("Who may read it").selectOption({ label: "Shared with the athlete" });
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: `Shared ${tag}` })).toBeVisible();
    await expectAccessible(page);

    const coach = await browser.newContext({ storageState: authFile(testInfo, "coach") });
    const coachPage = await coach.newPage();
    await coachPage.goto(`/coach/athletes/${maya.id}`);
    await expect(coachPage.getByText(`Shared ${tag}`)).toBeVisible();
    await expect(coachPage.getByText(`Clinical ${tag}`)).toHaveCount(0);
    await coachPage.getByLabel("New note").fill(`Staff ${tag}: moved her to the B group`);
    await coachPage.getByRole("button", { name: "Add note" }).click();
    await expect(coachPage.getByText(`Staff ${tag}`)).toBeVisible();
    await coach.close();

    const athlete = await browser.newContext({ storageState: authFile(testInfo, "athlete") });
    const athletePage = await athlete.newPage();
    await athletePage.goto("/me/notes");
    await expect(athletePage.getByText(`Shared ${tag}`)).toBeVisible();
    await expect(athletePage.getByText(`Clinical ${tag}`)).toHaveCount(0);
    await expect(athletePage.getByText(`Staff ${tag}`)).toHaveCount(0);
    await expectAccessible(athletePage);
    await athlete.close();
  });
});

test.describe("installable app", () => {
  test("the manifest opens standalone on the role's home and its icons are served", async ({ page, request }) => {
    await page.goto("/sign-in");
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect(href).toBeTruthy();
    const manifest = (await (await request.get(href!)).json()) as { start_url: string; display: string; icons: { src: string; type: string }[] };
    expect(manifest).toMatchObject({ start_url: "/", display: "standalone" });
    for (const icon of manifest.icons) {
      const response = await request.get(icon.src);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()["content-type"]).toContain(icon.type);
    }
  });
});
