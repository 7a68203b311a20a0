import type { ReactNode } from "react";
import { RoleLayout } from "@/components/role-layout";

const nav = [
  { href: "/coach/roster", label: "Roster" },
  { href: "/coach/staff", label: "Staff" },
];

export default function CoachLayout({ children }: { children: ReactNode }) {
  return (
    <RoleLayout role="coach" section="/coach" nav={nav}>
      {children}
    </RoleLayout>
  );
}
