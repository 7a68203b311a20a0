import type { ReactNode } from "react";
import { Button } from "@loadline/ui/button";
import { Logo } from "./logo";
import { SignOutForm } from "./sign-out-form";
import { NavLinks, type NavItem } from "./nav-links";
import { ThemeToggle } from "./theme";

/** The frame around every signed-in page: brand, the role's navigation, who is signed in. */
export function AppShell({
  nav,
  user,
  actions,
  bottomNav = false,
  children,
}: {
  nav: NavItem[];
  user: { name: string; organisationName: string; roleLabel: string };
  /** Controls beside the account link (the notifications menu). */
  actions?: ReactNode;
  /** On a phone, the navigation sits in a bar at the bottom (athletes: one thumb, four sections). */
  bottomNav?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-background focus:p-2">
        Skip to content
      </a>
      <header className="border-b bg-card">
        {/*
          One row on a phone (the logo's mark and the actions: at 412 px the name, the bell's count
          and four controls would not fit), the navigation scrolling sideways below it or at the bottom.
        */}
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:gap-x-6 sm:py-3">
          <Logo nameClassName="max-sm:sr-only" />
          <div className={bottomNav ? "order-last hidden w-full sm:order-none sm:block sm:w-auto" : "order-last w-full overflow-x-auto sm:order-none sm:w-auto"}>
            <NavLinks items={nav} />
          </div>
          <div className="ml-auto flex shrink-0 items-center gap-1 text-sm sm:gap-3">
            {actions}
            <div className="hidden text-right sm:block">
              <div className="font-medium">{user.name}</div>
              <div className="text-muted-foreground">
                {user.roleLabel} · {user.organisationName}
              </div>
            </div>
            <ThemeToggle />
            <a href="/account" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
              Account
            </a>
            <SignOutForm>
              <Button type="submit" variant="outline" size="sm">
                Sign out
              </Button>
            </SignOutForm>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className={bottomNav ? "border-t pt-4 pb-24 text-center text-xs text-muted-foreground sm:pb-4" : "border-t py-4 text-center text-xs text-muted-foreground"}>
        Loadline supports clinicians with records and flags. It does not give medical advice.
      </footer>
      {bottomNav ? <NavLinks items={nav} placement="bottom" /> : null}
    </div>
  );
}
