import { z } from "zod";
import { isValidLocale, isValidTimeZone } from "./calendar";

/*
 * The calendar's input checks, apart from the formatters in `calendar.ts`: pages that only write
 * dates then do not load zod in the browser.
 */
export const timeZoneSchema = z.string().refine(isValidTimeZone, "timeZone must be an IANA time zone such as Europe/London");
export const localeSchema = z.string().refine(isValidLocale, "locale must be a language tag such as en-GB");
