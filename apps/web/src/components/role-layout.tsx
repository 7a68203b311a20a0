import type { ReactNode } from "react";
import type { Role } from "@loadline/domain";
import { requireRole } from "@/server/session";
import { serverCaller } from "@/trpc/caller";
import { AppShell } from "./app-shell";
import { ClubCalendarProvider } from "./club-calendar";
import type { NavItem } from "./nav-links";
import { NotificationsMenu } from "./notifications-menu";

const roleLabels: Record<Role, string> = { coach: "Coach", physio: "Physio", athlete: "Athlete" };

/**
 * Layout of a role's section: checks the role on the server (behind proxy.ts), draws the shell and
 * hands the viewer's calendar to the client components so every date reads in the club's zone.
 */
export async function RoleLayout({ role, section, nav, children }: { role: Role; section: string; nav: NavItem[]; children: ReactNode }) {
  await requireRole(role, section);
  const caller = await serverCaller();
  const [viewer, unread] = await Promise.all([
    caller.me.viewer(),
    // The bell's count is rendered here so the page needs no API client for it; the page still
    // renders when counting fails.
    caller.notifications.list().then(
      (n) => n.unreadTotal,
      () => 0,
    ),
  ]);
  return (
    <ClubCalendarProvider calendar={viewer.calendar}>
      <AppShell
        nav={nav}
        bottomNav={role === "athlete"}
        user={{ name: viewer.name, organisationName: viewer.organisationName, roleLabel: roleLabels[role] }}
        actions={<NotificationsMenu role={role} initialUnread={unread} />}
      >
        {children}
      </AppShell>
    </ClubCalendarProvider>
  );
}
