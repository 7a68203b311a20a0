/* global self, URL -- a service worker script, served as is (no bundling) */
/*
 * Loadline's push-only service worker, registered from the account page with a scope no page
 * lives under (/push/): it controls no page and caches nothing. A push message is JSON
 * { title, body, path } from the server; clicking the notification opens (or focuses) that page.
 */
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  let message = { title: "Loadline", body: "Something new in Loadline.", path: "/" };
  try {
    const data = event.data ? event.data.json() : null;
    if (data && typeof data.title === "string") message = { ...message, ...data };
  } catch {
    // A message that is not JSON still shows the generic notification.
  }
  // Only paths inside the app are opened.
  const path = typeof message.path === "string" && message.path.startsWith("/") && !message.path.startsWith("//") ? message.path : "/";
  event.waitUntil(self.registration.showNotification(message.title, { body: message.body, icon: "/icon-192.png", data: { path } }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.path ?? "/", self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url === url);
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});
