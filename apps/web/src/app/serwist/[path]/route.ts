import { createSerwistRoute } from "@serwist/turbopack";
import { buildEnv } from "@/env/build";

/**
 * The athlete app's service worker, bundled from src/sw.ts with esbuild when `next build`
 * prerenders this route (Turbopack has no plugin hook for it). The precache list is the build's
 * hashed scripts, styles and fonts: an athlete page opened offline has everything it runs on.
 */
const distDir = buildEnv.LOADLINE_NEXT_DIST_DIR ?? ".next";

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "src/sw.ts",
  useNativeEsbuild: true,
  globPatterns: [`${distDir}/static/**/*.{js,css,woff2}`],
});
