import type { BrowserContext, Page, Route } from "@playwright/test";
import { apiSignedInAs, newAthlete } from "./club";
import { expect, expectAccessible, signIn, test } from "./fixtures";

/*
 * The installable athlete app offline, on the phone: a new athlete signs in, the service worker
 * takes over and keeps the log pages; the connection goes; the athlete opens the session form and
 * the check-in form from the device, logs one of each, and sees "2 entries waiting to send". When
 * the connection is back both are sent, and the server holds each exactly once, also after the
 * same entries are sent again with their keys.
 *
 * `context.setOffline` cuts the page's own requests but not the service worker's, so the worker's
 * requests are aborted through the context's routes as well (service-worker network events are
 * on in playwright.config.ts).
 */

const PAGES_CACHE = "loadline-athlete-pages";

async function goOffline(context: BrowserContext) {
  await context.setOffline(true);
  await context.route("**/*", abortWorkerRequests);
}

async function goOnline(context: BrowserContext) {
  await context.unroute("**/*", abortWorkerRequests);
  await context.setOffline(false);
}

let workerRequestsAborted = 0;

function abortWorkerRequests(route: Route) {
  if (!route.request().serviceWorker()) return route.fallback();
  workerRequestsAborted += 1;
  return route.abort("internetdisconnected");
}

/** The pages the worker has kept, by path. */
function cachedPages(page: Page): Promise<string[]> {
  return page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), PAGES_CACHE);
}

interface Entry {
  key: string;
  kind: string;
  input: Record<string, unknown>;
}

/** The entries waiting on the device (the app's IndexedDB queue). */
function queuedEntries(page: Page): Promise<Entry[]> {
  return page.evaluate(
    () =>
      new Promise<Entry[]>((resolve, reject) => {
        const open = indexedDB.open("loadline-offline");
        open.onerror = () => reject(open.error ?? new Error("could not open the offline queue"));
        open.onsuccess = () => {
          const all = open.result.transaction("entries").objectStore("entries").getAll();
          all.onsuccess = () => resolve(all.result as Entry[]);
          all.onerror = () => reject(all.error ?? new Error("could not read the offline queue"));
        };
      }),
  );
}

test("logs made offline wait on the device and are stored once when the connection is back", async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  workerRequestsAborted = 0;
  const athlete = await newAthlete(testInfo, { account: true, first: "Offline" });
  await signIn(page, athlete.email, athlete.password);
  await expect(page).toHaveURL(/\/me$/, { timeout: 30_000 });
  // Sign-in lands on Today through the client router, in a document the worker cannot claim
  // (it was created at /sign-in); opening the app again is the athlete's next launch.
  await page.goto("/me");

  // The worker controls the page and has fetched the log pages into its cache.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await expect.poll(() => cachedPages(page), { timeout: 30_000 }).toEqual(expect.arrayContaining(["/me/log/session", "/me/log/check-in"]));

  await goOffline(context);
  try {
    // A session, on the form the worker serves from the device.
    await page.goto("/me/log/session");
    await expect(page.getByRole("button", { name: "Save session" })).toBeVisible();
    await expect(async () => {
      // Typing before hydration is lost; repeat until the form holds the value.
      await page.getByLabel("Minutes").fill("33");
      await expect(page.getByLabel("Minutes")).toHaveValue("33", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await page.getByLabel("Effort (RPE 0-10)").fill("4");
    await page.getByRole("group", { name: /pain during the session/i }).getByText("2", { exact: true }).click();
    await page.getByRole("button", { name: "Save session" }).click();
    await expect(page.getByRole("heading", { name: "Session saved on this device" })).toBeVisible();
    await expect(page.getByTestId("offline-queue")).toContainText("1 entry waiting to send");

    // A morning check-in.
    await page.goto("/me/log/check-in");
    await expect(page.getByRole("button", { name: "Save check-in" })).toBeVisible();
    await expect(async () => {
      await page.getByLabel("Morning stiffness (min)").fill("6");
      await expect(page.getByLabel("Morning stiffness (min)")).toHaveValue("6", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await page.getByRole("group", { name: /pain this morning/i }).getByText("1", { exact: true }).click();
    await page.getByRole("button", { name: "Save check-in" }).click();
    await expect(page.getByRole("heading", { name: "Check-in saved on this device" })).toBeVisible();
    const indicator = page.getByTestId("offline-queue");
    await expect(indicator).toContainText("2 entries waiting to send");
    await expect(indicator).toContainText("will be sent when you are back online");
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath("waiting-to-send.png") });
  } finally {
    await goOnline(context);
  }
  // The forms came from the worker's cache: its own requests for them were cut.
  expect(workerRequestsAborted).toBeGreaterThan(0);

  const entries = await queuedEntries(page);
  expect(entries.map((e) => e.kind).sort()).toEqual(["checkIn", "session"]);

  // Back online: the app sends the queue by itself and the indicator empties.
  await expect(page.getByTestId("offline-queue")).not.toContainText("waiting to send", { timeout: 30_000 });
  await expect.poll(() => queuedEntries(page).then((e) => e.length), { timeout: 30_000 }).toBe(0);

  const api = await apiSignedInAs(testInfo, athlete);
  try {
    const stored = async () => ({
      sessions: (await api.query<{ idempotencyKey: string; minutes: number }[]>("athleteLogs.list", { days: 14 })).map((s) => [s.idempotencyKey, s.minutes]),
      checkIns: (await api.query<{ idempotencyKey: string; stiffnessMinutes: number | null }[]>("checkIns.list", { days: 14 })).map((c) => [c.idempotencyKey, c.stiffnessMinutes]),
    });
    const keyOf = (kind: string) => entries.find((e) => e.kind === kind)!.key;
    const expected = { sessions: [[keyOf("session"), 33]], checkIns: [[keyOf("checkIn"), 6]] };
    expect(await stored()).toEqual(expected);

    // The same entries sent again with their keys (an answer lost on the way back) store nothing new.
    for (const entry of entries) {
      const input = { ...entry.input, at: (entry.input.at as Date).toISOString(), idempotencyKey: entry.key };
      const again = await api.mutate<{ created: boolean }>(entry.kind === "session" ? "athleteLogs.logSession" : "checkIns.create", input);
      expect(again.created).toBe(false);
    }
    expect(await stored()).toEqual(expected);
  } finally {
    await api.dispose();
  }

  // Signing out drops the pages kept on the device (a shared phone shows nothing offline).
  await page.goto("/me");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/, { timeout: 30_000 });
  expect(await page.evaluate(() => caches.keys())).not.toContain(PAGES_CACHE);
});

test("Today opens the offline queue only when it may hold entries or the connection goes", async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  const athlete = await newAthlete(testInfo, { account: true, first: "Quietqueue" });
  await signIn(page, athlete.email, athlete.password);
  await expect(page).toHaveURL(/\/me$/, { timeout: 30_000 });
  await page.goto("/me");
  await page.waitForLoadState("networkidle");
  const queueDatabase = () => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === "loadline-offline"));
  // Nothing was ever kept on this device: the queue's store is not opened (nor its code loaded).
  expect(await queueDatabase()).toBe(false);
  await expect(page.getByTestId("offline-queue")).toHaveText("");
  // The app is on the device once its worker controls the page (it installs in the background
  // on the first visit): only then can the queue's code still be fetched offline.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await context.setOffline(true);
  try {
    // Offline, the queue opens at once, ready for the forms.
    await expect.poll(queueDatabase, { timeout: 30_000 }).toBe(true);
    expect(await page.evaluate(() => window.localStorage.getItem("loadline:offline-queue"))).toBeNull();
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(/can't reach/);
  } finally {
    await context.setOffline(false);
  }
  await expectAccessible(page);
});

test("a connection lost before the app is on the device keeps Today on screen, and the queue opens once it can", async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  const athlete = await newAthlete(testInfo, { account: true, first: "Earlyoffline" });
  await signIn(page, athlete.email, athlete.password);
  await expect(page).toHaveURL(/\/me$/, { timeout: 30_000 });
  // Sign-in lands on Today in a document the worker cannot claim: the queue's code is not on the device.
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  const queueDatabase = () => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === "loadline-offline"));
  await context.setOffline(true);
  try {
    // Its fetch fails: the page stays as it was (it once became "Loadline can't reach its database").
    await expect(page.getByRole("heading", { name: /^Hi Earlyoffline/ })).toBeVisible();
    await page.waitForTimeout(2_000);
    await expect(page.getByRole("heading", { name: /^Hi Earlyoffline/ })).toBeVisible();
    expect(await queueDatabase()).toBe(false);
  } finally {
    await context.setOffline(false);
  }
  // Back online, the queue's code is fetched, so the next time the connection goes it is ready.
  await expect.poll(queueDatabase, { timeout: 30_000 }).toBe(true);
});
