"use client";
import { createContext, useContext, type ReactNode } from "react";
import { defaultCalendar, type Calendar } from "@loadline/domain";

/** The zone and locale a signed-in viewer's screens write dates in (me.viewer's `calendar`). */
export type ClubCalendar = Pick<Calendar, "timeZone" | "locale">;

// The default only serves pages outside a signed-in layout (sign-in, invites), which have no club yet.
const ClubCalendarContext = createContext<ClubCalendar>(defaultCalendar);

/** Provides the viewer's calendar to every client component below the role layout. */
export function ClubCalendarProvider({ calendar, children }: { calendar: ClubCalendar; children: ReactNode }) {
  return <ClubCalendarContext.Provider value={calendar}>{children}</ClubCalendarContext.Provider>;
}

/** The club's zone and locale (for an athlete: their own zone), to pass to the domain's formatters. */
export function useClubCalendar(): ClubCalendar {
  return useContext(ClubCalendarContext);
}
