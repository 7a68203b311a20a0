import type { MetadataRoute } from "next";

/** Lets a phone add Loadline to its home screen with the app's name and icons. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Loadline",
    short_name: "Loadline",
    description: "Load management for proximal hamstring tendinopathy in running and field-sport squads.",
    start_url: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#0f5f5c",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
