import type { MetadataRoute } from "next";

/**
 * The web app manifest: athletes log from a phone, so Loadline can be added to the home screen
 * and opens on Today in its own window.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Loadline",
    short_name: "Loadline",
    description: "Load management for proximal hamstring tendinopathy.",
    start_url: "/me",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#0f5f5c",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
