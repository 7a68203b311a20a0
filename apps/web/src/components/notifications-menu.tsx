"use client";
import { lazy, Suspense, useEffect, useState } from "react";
import type { Role } from "@loadline/domain";
import { NotificationsButton } from "./notifications-button";

// The live list (API client, Radix popover and floating-ui: about 50 KB gzip) is not part of the
// first load: the header is on every page, and the server already rendered the count.
const loadList = () => import("./notifications-list");
const NotificationsList = lazy(loadList);

/** How often the count is refreshed while a page stays open. */
const REFRESH_MS = 60_000;

/**
 * The signed-in user's notification centre (reminders, new alerts, mentions in notes). The count comes from the
 * server render; the list loads when the person reaches for the bell, or after a minute on the
 * page to keep the count fresh, whichever is first.
 */
export function NotificationsMenu({ role, initialUnread }: { role: Role; initialUnread: number }) {
  const [live, setLive] = useState<"no" | "quiet" | "opened">("no");
  useEffect(() => {
    if (live !== "no") return;
    const timer = window.setTimeout(() => setLive("quiet"), REFRESH_MS);
    return () => window.clearTimeout(timer);
  }, [live]);
  const placeholder = (
    <NotificationsButton
      unread={initialUnread}
      aria-expanded={false}
      onPointerEnter={() => void loadList()}
      onFocus={() => void loadList()}
      onClick={() => setLive("opened")}
    />
  );
  if (live === "no") return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <NotificationsList role={role} initialUnread={initialUnread} defaultOpen={live === "opened"} />
    </Suspense>
  );
}
