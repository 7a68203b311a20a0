import { urlParam } from "@/lib/url-state";

/**
 * The planner's week as a query input: noon UTC of the chosen day (YYYY-MM-DD), so the server
 * finds the club's week around it whatever the zone. Shared by the server page (prefetch) and
 * the client planner, so it lives outside the "use client" module.
 */
export const weekAnchor = (day: string) => new Date(`${day}T12:00:00Z`);

/** The planner's choices in the URL: squad (else the coach's first), week (any day of it; else this week) and the session shown. */
export const plannerUrl = {
  squad: urlParam.id(),
  week: urlParam.day(),
  session: urlParam.text(),
};
