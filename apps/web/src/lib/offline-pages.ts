/**
 * Which requests the athlete app's service worker keeps for offline use (src/sw.ts), as plain
 * functions so they are unit-tested without a worker.
 */

/** The cache that holds the athlete's pages; cleared on sign-out and when the session ends. */
export const ATHLETE_PAGES_CACHE = "loadline-athlete-pages";

/** Set in sessionStorage once this tab has had the worker fetch the offline pages. */
export const OFFLINE_PAGES_WARMED = "loadline:offline-pages-warmed";

/** The pages warmed into the cache when an athlete page opens, so the log forms work offline. */
export const OFFLINE_PAGES = ["/me", "/me/log", "/me/log/session", "/me/log/check-in", "/me/log/run"] as const;

/**
 * A full athlete page (a navigation, or the worker's own fetch of one): not Next's RSC
 * requests, whose answers depend on the router state of the page that asked, and not the API.
 */
export function isAthletePageRequest(url: URL, headers: Headers): boolean {
  if (!/^\/me(\/|$)/.test(url.pathname)) return false;
  if (url.searchParams.has("_rsc") || headers.get("RSC") === "1" || headers.has("Next-Router-Prefetch")) return false;
  return true;
}

/** The installable app's own files (manifest and icons). */
export function isAppAsset(pathname: string): boolean {
  return pathname === "/manifest.webmanifest" || pathname === "/icon.svg" || pathname === "/apple-icon.png" || pathname === "/favicon.ico" || pathname.startsWith("/icons/");
}

/** Shown offline for an athlete page never opened on this device (plain HTML: no script, no style). */
export const offlinePage = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline · Loadline</title></head>
<body>
<main>
<h1>You are offline</h1>
<p>This page has not been opened on this device yet, so it cannot be shown without a connection.</p>
<p>Logs can still be made offline: they are kept on this device and sent when you are back online.</p>
<ul>
<li><a href="/me/log/session">Log a session</a></li>
<li><a href="/me/log/check-in">Morning check-in</a></li>
<li><a href="/me/log/run">Log a run</a></li>
<li><a href="/me">Today</a></li>
</ul>
</main>
</body></html>`;
