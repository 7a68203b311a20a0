import type { ReactNode } from "react";
import { RoleLayout } from "@/components/role-layout";

const nav = [
  { href: "/physio/caseload", label: "Caseload" },
  { href: "/physio/escalations", label: "Escalations" },
  { href: "/physio/library", label: "Library" },
];

export default function PhysioLayout({ children }: { children: ReactNode }) {
  return (
    <RoleLayout role="physio" section="/physio" nav={nav}>
      {children}
    </RoleLayout>
  );
}
