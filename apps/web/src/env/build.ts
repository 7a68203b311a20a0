import { z } from "zod";

/**
 * Settings read while `next build` runs (the server's own are in ./index.ts, which needs the
 * runtime secrets). LOADLINE_NEXT_DIST_DIR lets two builds share a checkout (next.config.ts
 * reads it too, before any module of the app loads).
 */
export const buildEnv = z
  .object({ LOADLINE_NEXT_DIST_DIR: z.string().trim().min(1).optional().or(z.literal("").transform(() => undefined)) })
  .parse({ LOADLINE_NEXT_DIST_DIR: process.env.LOADLINE_NEXT_DIST_DIR });
