import { describe, expect, it } from "vitest";
import { assertExerciseImage, assertGaitCorrectable, customExerciseSchema, DomainError, EXERCISE_IMAGE_MAX_BYTES, videoHost, videoLink, withinGaitCorrectionWindow } from "../src";

const NOW = new Date("2026-11-21T09:00:00Z");
const DAY = 86_400_000;

describe("exercise media rules", () => {
  it("names the host of a video link, and calls every other host a plain link", () => {
    expect(videoHost("https://www.youtube.com/watch?v=abc")).toBe("youtube");
    expect(videoHost("https://youtu.be/abc")).toBe("youtube");
    expect(videoHost("https://player.vimeo.com/video/1")).toBe("vimeo");
    expect(videoHost("https://user@vimeo.com:443/1")).toBe("vimeo");
    expect(videoHost("https://youtube.com.evil.test/watch")).toBe("other");
    expect(videoHost("https://notyoutube.com/watch")).toBe("other");
  });

  it("accepts https links only", () => {
    expect(videoLink().safeParse("https://vimeo.com/1").success).toBe(true);
    for (const bad of ["http://vimeo.com/1", "javascript:alert(1)", "data:text/html,x", "ftp://x.test"]) expect(videoLink().safeParse(bad).success).toBe(false);
  });

  it("accepts PNG, JPEG and WebP up to 5 MB, by the detected type", () => {
    expect(assertExerciseImage("image/png", 10)).toBe("image/png");
    expect(assertExerciseImage("image/webp", EXERCISE_IMAGE_MAX_BYTES)).toBe("image/webp");
    for (const [mime, bytes] of [["image/gif", 10], [undefined, 10], ["image/svg+xml", 10], ["image/png", EXERCISE_IMAGE_MAX_BYTES + 1], ["image/png", 0]] as const) {
      expect(() => assertExerciseImage(mime, bytes)).toThrow(DomainError);
    }
  });

  it("a gait assessment may be corrected for 7 days after it was saved", () => {
    expect(withinGaitCorrectionWindow(new Date(NOW.getTime() - 7 * DAY), NOW)).toBe(true);
    expect(withinGaitCorrectionWindow(new Date(NOW.getTime() - 7 * DAY - 1), NOW)).toBe(false);
    expect(() => assertGaitCorrectable(new Date(NOW.getTime() - 8 * DAY), NOW)).toThrow(/within 7 days/);
  });
});

describe("a library entry as a physio writes it", () => {
  it("names every problem in the field's words, and fills the optional tags", () => {
    const result = customExerciseSchema.safeParse({ name: "x", category: "nonsense", phases: [], hipFlexionDemand: "extreme" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
    expect(Object.keys(messages).sort()).toEqual(["category", "hipFlexionDemand", "name", "phases"]);
    expect(messages.phases).toBe("Choose at least one phase");
    expect(customExerciseSchema.parse({ name: "Box step-up", category: "heavy_slow_resistance", phases: [2], hipFlexionDemand: "low" })).toEqual({
      name: "Box step-up",
      category: "heavy_slow_resistance",
      phases: [2],
      heavy: false,
      highTendonLoad: false,
      hipFlexionDemand: "low",
      description: "",
    });
  });
});
