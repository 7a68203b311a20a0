import { z } from "zod";
import { hasControlCharacters } from "../../input-primitives";

/**
 * Field builders whose messages start with the field's label (see `field-labels.ts`), so an
 * API error or a form error reads "Pain during the session must be between 0 and 10" rather
 * than a generic "Too big".
 */

/** A 0-10 pain rating (whole numbers, as the athlete picks it on a scale). */
export function painScore(label: string) {
  return z
    .number({ error: `${label} must be a number between 0 and 10` })
    .int(`${label} must be a whole number between 0 and 10`)
    .min(0, `${label} must be between 0 and 10`)
    .max(10, `${label} must be between 0 and 10`);
}

/** A number strictly above zero (minutes, distance, speed). */
export function positiveNumber(label: string) {
  return z
    .number({ error: `${label} must be a number` })
    .refine(Number.isFinite, `${label} must be a finite number`)
    .refine((value) => value > 0, `${label} must be greater than 0`);
}

/** A number of zero or more (elevation, stiffness minutes). */
export function nonNegativeNumber(label: string) {
  return z
    .number({ error: `${label} must be a number` })
    .refine(Number.isFinite, `${label} must be a finite number`)
    .refine((value) => value >= 0, `${label} must be 0 or more`);
}

/** A whole count of zero or more (strides, reps). */
export function count(label: string) {
  return z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} must be 0 or more`);
}

/** A number within an inclusive range. */
export function rangedNumber(label: string, min: number, max: number) {
  return z
    .number({ error: `${label} must be a number between ${min} and ${max}` })
    .min(min, `${label} must be between ${min} and ${max}`)
    .max(max, `${label} must be between ${min} and ${max}`);
}

/** A non-empty identifier: one line, at most 100 characters. */
export function identifier(label: string) {
  return z
    .string({ error: `${label} must be a string` })
    .min(1, `${label} is required`)
    .max(100, `${label} must be at most 100 characters`)
    .refine((value) => !hasControlCharacters(value), `${label} must not contain control characters`);
}

/**
 * A point in time. Accepts a Date, an ISO 8601 string or epoch milliseconds (what superjson,
 * the database and JSON fixtures hand over) and always yields a Date.
 */
export function instant(label: string) {
  return z.preprocess(
    (value) => (typeof value === "string" || typeof value === "number" ? new Date(value) : value),
    z.date({ error: `${label} must be a valid date-time` }),
  );
}
