import type { ReactNode } from "react";
import { RoleLayout } from "@/components/role-layout";

const nav = [{ href: "/me", label: "My plan" }];

export default function AthleteLayout({ children }: { children: ReactNode }) {
  return (
    <RoleLayout role="athlete" section="/me" nav={nav}>
      {children}
    </RoleLayout>
  );
}
