"use client";

import * as React from "react";
import type * as Sonner from "sonner";
import type { ExternalToast, ToasterProps } from "sonner";

/*
 * Toasts without sonner in the first load: most page views never show one, so the library
 * (about 12 KB gzip) is fetched on the first interaction (a toast only ever follows one) and
 * the outlet mounts with the first toast. sonner replays toasts created before its outlet
 * subscribed, so nothing is lost while the outlet mounts.
 */

type SonnerModule = typeof Sonner;

let sonner: Promise<SonnerModule> | null = null;
function loadSonner(): Promise<SonnerModule> {
  sonner ??= import("sonner").catch((error: unknown) => {
    // A failed chunk (offline) may be fetched again by the next toast.
    sonner = null;
    throw error;
  });
  return sonner;
}

// Counts toasts asked for, so the outlet tries loading again after a failed fetch.
let outletRequests = 0;
const outletListeners = new Set<() => void>();
function wantOutlet() {
  outletRequests += 1;
  for (const listener of outletListeners) listener();
}
function subscribeOutlet(listener: () => void) {
  outletListeners.add(listener);
  return () => outletListeners.delete(listener);
}

type Message = React.ReactNode | (() => React.ReactNode);

function show(kind: "message" | "success" | "error" | "info" | "warning", message: Message, data?: ExternalToast): void {
  wantOutlet();
  loadSonner().then(
    ({ toast: sonnerToast }) => {
      if (kind === "message") sonnerToast(message, data);
      else sonnerToast[kind](message, data);
    },
    (error: unknown) => console.error("Could not load the toast library", error),
  );
}

/** Shows a toast (sonner's API for the kinds the app uses); loads sonner on first use. */
export const toast = Object.assign((message: Message, data?: ExternalToast) => show("message", message, data), {
  success: (message: Message, data?: ExternalToast) => show("success", message, data),
  error: (message: Message, data?: ExternalToast) => show("error", message, data),
  info: (message: Message, data?: ExternalToast) => show("info", message, data),
  warning: (message: Message, data?: ExternalToast) => show("warning", message, data),
});

const outletStyle = {
  "--normal-bg": "var(--popover)",
  "--normal-text": "var(--popover-foreground)",
  "--normal-border": "var(--border)",
  "--border-radius": "var(--radius)",
} as React.CSSProperties;

/**
 * App-wide toast outlet. Pass `theme` from your theme provider (next-themes) if you have
 * one; it defaults to "system". Use `toast()` from here to show messages.
 */
function Toaster({ theme = "system", ...props }: ToasterProps) {
  const requests = React.useSyncExternalStore(subscribeOutlet, () => outletRequests, () => 0);
  const [Outlet, setOutlet] = React.useState<SonnerModule["Toaster"] | null>(null);
  React.useEffect(() => {
    if (requests === 0 || Outlet) return;
    let live = true;
    loadSonner().then(
      (m) => live && setOutlet(() => m.Toaster),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [requests, Outlet]);
  React.useEffect(() => {
    // Fetch the library on the first interaction, so the first toast (after a click or a key)
    // rarely waits for the network.
    const warm = () => {
      void loadSonner().catch(() => undefined);
      window.removeEventListener("pointerdown", warm, true);
      window.removeEventListener("keydown", warm, true);
    };
    window.addEventListener("pointerdown", warm, { capture: true, passive: true });
    window.addEventListener("keydown", warm, { capture: true, passive: true });
    return () => {
      window.removeEventListener("pointerdown", warm, true);
      window.removeEventListener("keydown", warm, true);
    };
  }, []);
  if (!Outlet) return null;
  return <Outlet theme={theme} className="toaster group" style={outletStyle} {...props} />;
}

export { Toaster };
