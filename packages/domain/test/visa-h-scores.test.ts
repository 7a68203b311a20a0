import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { scoreVisaH, visaHAllowedScores, visaHChange, visaHItems, visaHItemsSchema, visaHScaleHint } from "../src/clinical/visa-h";

const messagesOf = (items: unknown) => {
  const result = visaHItemsSchema.safeParse(items);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => [i.path.join("."), i.message]);
};

describe("visaHItems", () => {
  it("lists the 8 items in order with what each end means", () => {
    expect(visaHItems.map((i) => [i.item, i.allowed])).toEqual([
      [1, "0-10"],
      [2, "0-10"],
      [3, "0-10"],
      [4, "0-10"],
      [5, "0-10"],
      [6, "0-10"],
      [7, "0, 4, 7 or 10"],
      [8, "0-30"],
    ]);
    expect(visaHItems[0].anchors).toEqual({ low: "Severe pain", high: "No pain" });
    expect(visaHItems[7].anchors).toEqual({ low: "Cannot train", high: "Train fully, no pain" });
    expect(visaHScaleHint).toBe("For every question, a higher score is better: the right-hand end means no pain or full activity.");
  });
});

describe("visaHAllowedScores", () => {
  it("allows 0-10 for items 1-6, 0/4/7/10 for item 7 and 0-30 for item 8", () => {
    expect(visaHAllowedScores(1)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(visaHAllowedScores(6)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(visaHAllowedScores(7)).toEqual([0, 4, 7, 10]);
    const item8 = visaHAllowedScores(8);
    expect([item8.length, item8[0], item8[30]]).toEqual([31, 0, 30]);
  });
});

describe("scoreVisaH", () => {
  it("sums the 8 items: 0 at worst, 100 at best", () => {
    expect(scoreVisaH([0, 0, 0, 0, 0, 0, 0, 0])).toBe(0);
    expect(scoreVisaH([10, 10, 10, 10, 10, 10, 10, 30])).toBe(100);
    expect(scoreVisaH([5, 6, 7, 3, 2, 4, 7, 12])).toBe(46);
  });

  it("refuses a score outside an item's range, naming the item", () => {
    expect(() => scoreVisaH([11, 0, 0, 0, 0, 0, 0, 0])).toThrow(ZodError);
    expect(messagesOf([11, 0, 0, 0, 0, 0, 0, 0])).toEqual([["0", "Question 1 (pain when sitting) must be between 0 and 10"]]);
    expect(messagesOf([0, 0, 0, 0, 0, 0, 0, 31])).toEqual([["7", "Question 8 (how long you can train) must be between 0 and 30"]]);
    expect(messagesOf([0, 0, -1, 0, 0, 0, 0, 0])).toEqual([["2", "Question 3 (pain with walking or stairs) must be between 0 and 10"]]);
  });

  it("refuses fractions, non-numbers and an item-7 score that is not 0, 4, 7 or 10", () => {
    expect(messagesOf([0, 2.5, 0, 0, 0, 0, 0, 0])).toEqual([["1", "Question 2 (pain with hip flexion) must be a whole number"]]);
    expect(messagesOf([0, 0, 0, "3", 0, 0, 0, 0])).toEqual([["3", "Question 4 (pain with stretching): choose a score from 0 to 10"]]);
    expect(messagesOf([0, 0, 0, 0, 0, 0, 5, 0])).toEqual([["6", "Question 7 (sport participation): choose 0, 4, 7 or 10"]]);
  });

  it("refuses a response without all 8 answers", () => {
    expect(() => scoreVisaH([10, 10, 10])).toThrow(ZodError);
    expect(messagesOf("all good")).toEqual([["", "Answer all 8 questions"]]);
  });
});

describe("visaHChange", () => {
  it("counts an improvement of 13 points (the default) as meaningful", () => {
    expect(visaHChange(40, 53)).toEqual({ baseline: 40, current: 53, change: 13, meaningfulImprovement: true, meaningfulWorsening: false });
    expect(visaHChange(40, 52)).toEqual({ baseline: 40, current: 52, change: 12, meaningfulImprovement: false, meaningfulWorsening: false });
  });

  it("counts a fall of 13 points as a meaningful worsening", () => {
    expect(visaHChange(60, 47)).toEqual({ baseline: 60, current: 47, change: -13, meaningfulImprovement: false, meaningfulWorsening: true });
    expect(visaHChange(60, 48).meaningfulWorsening).toBe(false);
  });

  it("uses a plan's own meaningful change", () => {
    expect(visaHChange(40, 50, 10)).toEqual({ baseline: 40, current: 50, change: 10, meaningfulImprovement: true, meaningfulWorsening: false });
    expect(visaHChange(40, 55, 20).meaningfulImprovement).toBe(false);
  });
});
