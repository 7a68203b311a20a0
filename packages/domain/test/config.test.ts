import { describe, expect, it } from "vitest";
import { defaultThresholds, resolveThresholds, thresholdOverridesSchema } from "../src/clinical";

describe("configurable thresholds", () => {
  it("defaults match the clinical model (docs/clinical-model.md)", () => {
    expect(defaultThresholds.pain.profile).toBe("pht");
    expect(defaultThresholds.pain.pht).toEqual({ greenMax: 2, amberMax: 3 });
    expect(defaultThresholds.pain.silbernagel).toEqual({ greenMax: 3, amberMax: 5 });
    expect(defaultThresholds.spacing).toMatchObject({ highLoadHours: 72, relaxedHours: 48, greenExposuresToRelax: 4 });
    expect(defaultThresholds.volume).toMatchObject({ weeklyGreenMaxPct: 10, weeklyAmberMaxPct: 30, spikeLookbackDays: 30 });
    expect(defaultThresholds.workload).toMatchObject({ greenMin: 0.8, greenMax: 1.3, amberMax: 1.5 });
    expect(defaultThresholds.exit).toMatchObject({ e4VisaHMin: 80, e2VisaHGain: 13, e4FullTrainingWeeks: 2 });
    expect(Object.isFrozen(defaultThresholds.pain.pht)).toBe(true);
  });

  it("a plan overrides single leaves and keeps the other defaults", () => {
    const resolved = resolveThresholds({ pain: { profile: "silbernagel" }, spacing: { relaxed: true } });
    expect(resolved.pain.profile).toBe("silbernagel");
    expect(resolved.pain.pht).toEqual({ greenMax: 2, amberMax: 3 });
    expect(resolved.spacing).toMatchObject({ relaxed: true, highLoadHours: 72 });
    const custom = resolveThresholds({ pain: { pht: { greenMax: 1, amberMax: 3 } }, outcome: undefined });
    expect(custom.pain.pht.greenMax).toBe(1);
    expect(resolveThresholds(undefined)).toEqual(defaultThresholds);
    expect(resolveThresholds(null)).not.toBe(defaultThresholds);
  });

  it("overrides are validated", () => {
    expect(thresholdOverridesSchema.safeParse({ pain: { profile: "other" } }).success).toBe(false);
    expect(thresholdOverridesSchema.safeParse({ spacing: { highLoadHours: -1 } }).success).toBe(false);
    expect(thresholdOverridesSchema.parse({})).toEqual({});
  });
});
