"use client";
import type { ReactNode } from "react";
import { ATHLETE_PAGES_CACHE, OFFLINE_PAGES_WARMED } from "@/lib/offline-pages";
import { signOutAction } from "@/server/actions";

/**
 * The sign-out form. It also drops the athlete pages the service worker kept for offline use,
 * so the next person on a shared device cannot open them without a connection. (Logs still
 * waiting to send stay: they are sent only under the same athlete's sign-in.)
 */
export function SignOutForm({ children }: { children: ReactNode }) {
  return (
    <form
      action={signOutAction}
      onSubmit={() => {
        if ("caches" in window) void window.caches.delete(ATHLETE_PAGES_CACHE);
        window.sessionStorage.removeItem(OFFLINE_PAGES_WARMED);
      }}
    >
      {children}
    </form>
  );
}
