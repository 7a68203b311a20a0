import { z } from "zod";
import { DomainError } from "./errors";
import { exerciseCategories, phases } from "./clinical/vocabulary";
import { exerciseLabels as L } from "./field-labels";
import { URL_MAX_LENGTH, nameText, plainText } from "./input-primitives";

/*
 * The club's exercise library as physios keep it: each edit is a new version of the entry, so
 * a plan that prescribed version 2 keeps reading version 2 (name, load tags, how-to, image)
 * after the physio has moved the library on. Retiring hides an exercise from new
 * prescriptions; plans that already hold it keep it.
 */

/** A library entry as a physio writes it: a new custom exercise, or an edit (a new version). */
export const customExerciseSchema = z.object({
  name: nameText(L.name, 2),
  category: z.enum(exerciseCategories, { error: `${L.category}: choose one of the options` }),
  phases: z.array(z.literal(phases)).min(1, "Choose at least one phase"),
  heavy: z.boolean().default(false),
  highTendonLoad: z.boolean().default(false),
  hipFlexionDemand: z.enum(["low", "moderate", "high"], { error: `${L.hipFlexionDemand}: choose low, moderate or high` }),
  description: plainText(L.description, { max: 500, multiline: true }).default(""),
});
export type CustomExerciseInput = z.input<typeof customExerciseSchema>;

/** A short how-to for the athlete: a few sentences, not a manual. */
export const HOW_TO_MAX_LENGTH = 1000;

/** Exercise images: the largest upload, in bytes (5 MB). */
export const EXERCISE_IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/** The image types a library exercise may carry, as recognised from the file's bytes. */
export const EXERCISE_IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type ExerciseImageType = (typeof EXERCISE_IMAGE_TYPES)[number];

export const exerciseMediaLabels = {
  howTo: "How-to",
  videoUrl: "Video link",
  image: "Image",
} as const;

export const EXERCISE_IMAGE_RULE = "PNG, JPEG or WebP, at most 5 MB";

export function isExerciseImageType(mime: string | undefined): mime is ExerciseImageType {
  return mime !== undefined && (EXERCISE_IMAGE_TYPES as readonly string[]).includes(mime);
}

/** Refuses an upload that is not an image of an allowed type or too large, naming the field. */
export function assertExerciseImage(detectedMime: string | undefined, bytes: number): ExerciseImageType {
  if (bytes === 0) throw new DomainError("invalid", `${exerciseMediaLabels.image}: the file is empty`, { image: ["The file is empty"] });
  if (bytes > EXERCISE_IMAGE_MAX_BYTES) {
    throw new DomainError("invalid", `${exerciseMediaLabels.image} must be at most 5 MB`, { image: [`${exerciseMediaLabels.image} must be at most 5 MB`] });
  }
  if (!isExerciseImageType(detectedMime)) {
    const message = `${exerciseMediaLabels.image} must be a PNG, JPEG or WebP picture`;
    throw new DomainError("invalid", message, { image: [message] });
  }
  return detectedMime;
}

/** An https link (a video): other schemes are refused so the page never links to `javascript:` or plain http. */
export const videoLink = () =>
  z
    .url({ protocol: /^https$/, error: `${exerciseMediaLabels.videoUrl} must be an https:// link` })
    .max(URL_MAX_LENGTH, `${exerciseMediaLabels.videoUrl} must be at most ${URL_MAX_LENGTH.toLocaleString("en-GB")} characters`);

export type VideoHost = "youtube" | "vimeo" | "other";

/** Which service a video link points at; the page shows every link as a link, labelled by host. */
export function videoHost(url: string): VideoHost {
  // The domain package has no URL global (no DOM, no Node types): the authority is read by hand.
  const authority = /^https:\/\/([^/?#]*)/i.exec(url)?.[1] ?? "";
  const host = (authority.split("@").pop() ?? "").replace(/:\d+$/, "").toLowerCase();
  if (host === "youtu.be" || host === "youtube.com" || host.endsWith(".youtube.com")) return "youtube";
  if (host === "vimeo.com" || host.endsWith(".vimeo.com")) return "vimeo";
  return "other";
}

export const howToText = () => plainText(exerciseMediaLabels.howTo, { max: HOW_TO_MAX_LENGTH, multiline: true });

/** A gait assessment can be corrected or deleted by its coach for this many days after it was saved. */
export const GAIT_CORRECTION_DAYS = 7;
const DAY_MS = 86_400_000;

export function withinGaitCorrectionWindow(createdAt: Date, now: Date): boolean {
  const age = now.getTime() - createdAt.getTime();
  return age >= 0 && age <= GAIT_CORRECTION_DAYS * DAY_MS;
}

export function assertGaitCorrectable(createdAt: Date, now: Date): void {
  if (!withinGaitCorrectionWindow(createdAt, now)) {
    throw new DomainError(
      "forbidden",
      `Gait assessments can only be corrected or deleted within ${GAIT_CORRECTION_DAYS} days of saving them. Record a new assessment instead; this one stays in the athlete's history.`,
    );
  }
}
