import type { ReactNode } from "react";
import { RoleLayout } from "@/components/role-layout";
import { serverCaller } from "@/trpc/caller";

/** New (unacknowledged) alerts for the navigation; the layout still renders if counting fails. */
async function newAlertCount(): Promise<number | null> {
  try {
    return (await (await serverCaller()).alerts.counts()).total;
  } catch {
    return null;
  }
}

export default async function CoachLayout({ children }: { children: ReactNode }) {
  const alerts = await newAlertCount();
  const nav = [
    { href: "/coach/board", label: "Board" },
    { href: "/coach/planner", label: "Planner" },
    { href: "/coach/calendar", label: "Calendar" },
    { href: "/coach/alerts", label: alerts ? `Alerts (${alerts} new)` : "Alerts" },
    { href: "/coach/gait", label: "Gait" },
    { href: "/coach/roster", label: "Roster" },
    { href: "/coach/squads", label: "Squads" },
    { href: "/coach/staff", label: "Staff" },
    { href: "/coach/club", label: "Club" },
  ];
  return (
    <RoleLayout role="coach" section="/coach" nav={nav}>
      {children}
    </RoleLayout>
  );
}
