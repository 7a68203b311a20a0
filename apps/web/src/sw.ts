/// <reference lib="webworker" />
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist, StaleWhileRevalidate, type PrecacheEntry, type SerwistGlobalConfig, type SerwistPlugin } from "serwist";
import { ATHLETE_PAGES_CACHE, isAthletePageRequest, isAppAsset, offlinePage } from "./lib/offline-pages";

/*
 * The athlete app's service worker (scope /me, registered by the athlete layout).
 *
 * - Build files (scripts, styles, fonts) are precached at install and served from the cache:
 *   their names carry their hash, so a cached copy is never stale.
 * - Athlete pages go to the network first and are served from the device only when the network
 *   fails, so an athlete online always sees the current page; each page answer is kept for that.
 * - Nothing else is cached: API answers (tRPC, exports, calendar feeds) always go to the server,
 *   and writes never pass through here (the page queues them itself, see lib/offline-queue.ts).
 */

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

/**
 * Only a page the server rendered for this session is kept. A redirect (the session ended,
 * or the account is not an athlete's any more) means the device should not keep the athlete's
 * pages either: they are dropped.
 */
const keepOnlyOwnPages: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => {
    if (response.type === "opaqueredirect" || response.redirected) {
      await self.caches.delete(ATHLETE_PAGES_CACHE);
      return null;
    }
    return response.status === 200 && response.type === "basic" ? response : null;
  },
};

/** Offline and never opened on this device: a short page with links to the ones that may be. */
const offlineFallback: SerwistPlugin = {
  handlerDidError: () =>
    new Response(offlinePage, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } }),
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  // A new deploy's worker takes over at once: its precache matches the pages the server now sends.
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && isAthletePageRequest(url, request.headers),
      method: "GET",
      handler: new NetworkFirst({
        cacheName: ATHLETE_PAGES_CACHE,
        // The key is the address; Next's Vary on router headers does not apply to full pages.
        matchOptions: { ignoreVary: true },
        plugins: [keepOnlyOwnPages, new ExpirationPlugin({ maxEntries: 40, maxAgeSeconds: 14 * 24 * 60 * 60 }), offlineFallback],
      }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      method: "GET",
      handler: new CacheFirst({ cacheName: "loadline-static", plugins: [new ExpirationPlugin({ maxEntries: 300 })] }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && isAppAsset(url.pathname),
      method: "GET",
      handler: new StaleWhileRevalidate({ cacheName: "loadline-app-assets", plugins: [new ExpirationPlugin({ maxEntries: 16 })] }),
    },
  ],
});

serwist.addEventListeners();
