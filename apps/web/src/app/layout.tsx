import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { ThemedToaster, ThemeProvider } from "@/components/theme";
import "./globals.css";

// A font from an npm package: Google-hosted fonts would need the internet at build time.
const inter = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "Loadline", template: "%s · Loadline" },
  description: "Load management for proximal hamstring tendinopathy in running and field-sport squads.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#0f5f5c" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1f1e" },
  ],
};

/**
 * Reading the request headers makes every page render per request, which the nonce-based CSP
 * needs: a prerendered page would carry scripts without this request's nonce. No API client
 * here: the pages and components that call the API bring it (`HydrateClient`,
 * `TRPCReactProvider`), so a page rendered on the server alone ships none of it.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The theme class is set on <html> by a script before React hydrates.
    <html lang="en-GB" className={inter.variable} suppressHydrationWarning>
      <body className="min-h-dvh bg-background font-sans text-foreground antialiased">
        <ThemeProvider nonce={nonce}>
          {children}
          <ThemedToaster />
        </ThemeProvider>
      </body>
    </html>
  );
}
