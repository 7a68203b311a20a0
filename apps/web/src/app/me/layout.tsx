import type { ReactNode } from "react";
import { RoleLayout } from "@/components/role-layout";

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

export default function AthleteLayout({ children }: { children: ReactNode }) {
  return (
    <RoleLayout role="athlete" section="/me" nav={nav}>
      {children}
    </RoleLayout>
  );
}
