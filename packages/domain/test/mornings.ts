import type { MorningCheckIn } from "../src/clinical";
import { checkIn } from "./helpers";

/**
 * A morning check-in (07:00 UTC, pain `pain`) on every day from `fromDaysAgo` to today, so that
 * every session has a morning before and a next morning and its outcome is complete.
 */
export function mornings(fromDaysAgo: number, pain = 1): MorningCheckIn[] {
  return Array.from({ length: fromDaysAgo + 1 }, (_, i) => checkIn(fromDaysAgo - i, { morningPain: pain }));
}
