import type { ReactNode } from "react";
import { OfflineAthleteApp } from "@/components/offline-queue";
import { RoleLayout } from "@/components/role-layout";
import { requireRole } from "@/server/session";

// Short labels so the items fit a phone header (they wrap onto a second line when needed); Today is exact so it is not
// highlighted on every /me/* page.
const nav = [
  { href: "/me", label: "Today", exact: true },
  { href: "/me/log", label: "Log" },
  { href: "/me/progress", label: "Progress" },
  { href: "/me/visa-h", label: "VISA-H" },
  { href: "/me/profile", label: "Profile" },
  { href: "/me/notes", label: "Notes" },
  { href: "/me/calendar", label: "Calendar" },
];

export default async function AthleteLayout({ children }: { children: ReactNode }) {
  const actor = await requireRole("athlete", "/me");
  return (
    <RoleLayout role="athlete" section="/me" nav={nav}>
      {/* Installable and offline-first: the service worker and the queue of logs made offline. */}
      <OfflineAthleteApp userId={actor.userId}>{children}</OfflineAthleteApp>
    </RoleLayout>
  );
}
