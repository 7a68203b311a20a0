import { z } from "zod";
import { hasControlCharacters } from "../../input-primitives";

/**
 * Field builders whose messages name the field, so an API error or a form error reads
 * "painDuring must be between 0 and 10" rather than a generic "Too big".
 */

/** A 0-10 pain rating (whole numbers, as the athlete picks it on a scale). */
export function painScore(field: string) {
  return z
    .number({ error: `${field} must be a number between 0 and 10` })
    .int(`${field} must be a whole number between 0 and 10`)
    .min(0, `${field} must be between 0 and 10`)
    .max(10, `${field} must be between 0 and 10`);
}

/** A number strictly above zero (minutes, distance, speed). */
export function positiveNumber(field: string) {
  return z
    .number({ error: `${field} must be a number` })
    .refine(Number.isFinite, `${field} must be a finite number`)
    .refine((value) => value > 0, `${field} must be greater than 0`);
}

/** A number of zero or more (elevation, stiffness minutes). */
export function nonNegativeNumber(field: string) {
  return z
    .number({ error: `${field} must be a number` })
    .refine(Number.isFinite, `${field} must be a finite number`)
    .refine((value) => value >= 0, `${field} must be 0 or more`);
}

/** A whole count of zero or more (strides, reps). */
export function count(field: string) {
  return z
    .number({ error: `${field} must be a number` })
    .int(`${field} must be a whole number`)
    .min(0, `${field} must be 0 or more`);
}

/** A number within an inclusive range. */
export function rangedNumber(field: string, min: number, max: number) {
  return z
    .number({ error: `${field} must be a number between ${min} and ${max}` })
    .min(min, `${field} must be between ${min} and ${max}`)
    .max(max, `${field} must be between ${min} and ${max}`);
}

/** A non-empty identifier: one line, at most 100 characters. */
export function identifier(field: string) {
  return z
    .string({ error: `${field} must be a string` })
    .min(1, `${field} is required`)
    .max(100, `${field} must be at most 100 characters`)
    .refine((value) => !hasControlCharacters(value), `${field} must not contain control characters`);
}

/**
 * A point in time. Accepts a Date, an ISO 8601 string or epoch milliseconds (what superjson,
 * the database and JSON fixtures hand over) and always yields a Date.
 */
export function instant(field: string) {
  return z.preprocess(
    (value) => (typeof value === "string" || typeof value === "number" ? new Date(value) : value),
    z.date({ error: `${field} must be a valid date-time` }),
  );
}
