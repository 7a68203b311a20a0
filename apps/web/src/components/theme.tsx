"use client";
import { Moon, Sun } from "lucide-react";
import { ThemeProvider as NextThemes, useTheme } from "next-themes";
import { useSyncExternalStore, type ReactNode } from "react";
import { Button } from "@loadline/ui/button";
import { Toaster } from "@loadline/ui/sonner";

/**
 * Light or dark, following the device until the person picks one (kept in this browser).
 * The class goes on <html> before the first paint, so no page flashes the wrong theme; the
 * script that does it carries the request's CSP nonce.
 */
export function ThemeProvider({ nonce, children }: { nonce: string | undefined; children: ReactNode }) {
  return (
    <NextThemes attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange {...(nonce ? { nonce } : {})}>
      {children}
    </NextThemes>
  );
}

const noop = () => () => undefined;
/** False during the server render and hydration, true after: the chosen theme is only known in the browser. */
const useMounted = () => useSyncExternalStore(noop, () => true, () => false);

/** Toasts in the app's theme, not the operating system's. */
export function ThemedToaster() {
  const { resolvedTheme } = useTheme();
  return <Toaster position="top-center" richColors={false} theme={resolvedTheme === "dark" ? "dark" : "light"} />;
}

export function ThemeToggle() {
  const { resolvedTheme, setTheme } = useTheme();
  const mounted = useMounted();
  const dark = mounted && resolvedTheme === "dark";
  return (
    <Button type="button" variant="ghost" size="icon" aria-label={dark ? "Use the light theme" : "Use the dark theme"} onClick={() => setTheme(dark ? "light" : "dark")}>
      {dark ? <Sun aria-hidden="true" /> : <Moon aria-hidden="true" />}
    </Button>
  );
}
