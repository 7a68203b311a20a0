import { urlParam } from "@/lib/url-state";

/**
 * The planner's choices in the URL: squad (else the coach's first), week (any day of it,
 * YYYY-MM-DD, which the server reads in the club's zone; else this week) and the session shown.
 * Shared by the server page (prefetch) and the client planner, so it lives outside the
 * "use client" module.
 */
export const plannerUrl = {
  squad: urlParam.id(),
  week: urlParam.day(),
  session: urlParam.text(),
};
