import { describe, expect, it } from "vitest";
import {
  buildThresholdOverrides,
  defaultThresholds,
  exitCriterionIds,
  resolveThresholds,
  ruleIds,
  thresholdFieldKey,
  thresholdFields,
  thresholdGroups,
  thresholdOverridesSchema,
  thresholdsSchema,
  thresholdValueAt,
  type Thresholds,
} from "../src/clinical";

/** Every leaf path of an object, as dotted keys. */
function leafKeys(value: object, prefix: string[] = []): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === "object" && child !== null ? leafKeys(child as object, [...prefix, key]) : [[...prefix, key].join(".")],
  );
}

/** The defaults with one leaf replaced, checked against the full schema. */
function accepts(path: readonly string[], value: unknown): boolean {
  const copy = JSON.parse(JSON.stringify(defaultThresholds)) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
  return thresholdsSchema.safeParse(copy).success;
}

describe("threshold field descriptions", () => {
  it("describe every leaf of the defaults, once, and nothing else", () => {
    const described = thresholdFields.map((f) => thresholdFieldKey(f.path));
    expect(new Set(described).size).toBe(described.length);
    expect([...described].sort()).toEqual(leafKeys(defaultThresholds).sort());
  });

  it("have unique plain labels, a known rule id and a known group", () => {
    const labels = thresholdFields.map((f) => f.label);
    expect(new Set(labels).size).toBe(labels.length);
    const known = new Set<string>([...ruleIds, ...exitCriterionIds, "VISA-H", "Gait", "Flags"]);
    const groups = new Set<string>(thresholdGroups.map((g) => g.id));
    for (const field of thresholdFields) {
      expect(field.label.trim().length).toBeGreaterThan(3);
      for (const id of field.ruleId.split("/")) expect(known, field.ruleId).toContain(id);
      expect(groups).toContain(field.path[0]);
    }
    expect(thresholdGroups.map((g) => g.id).sort()).toEqual(Object.keys(defaultThresholds).sort());
  });

  it("match the kind of the default and the limits of the schema", () => {
    for (const field of thresholdFields) {
      const value = thresholdValueAt(defaultThresholds, field.path);
      const name = thresholdFieldKey(field.path);
      if (field.kind === "boolean") {
        expect(typeof value, name).toBe("boolean");
        expect(accepts(field.path, !value), name).toBe(true);
        expect(accepts(field.path, "yes"), name).toBe(false);
        continue;
      }
      if (field.kind === "enum") {
        expect(field.options.map((o) => o.value), name).toContain(value);
        for (const option of field.options) expect(accepts(field.path, option.value), name).toBe(true);
        expect(accepts(field.path, "other"), name).toBe(false);
        continue;
      }
      expect(typeof value, name).toBe("number");
      const n = value as number;
      expect(accepts(field.path, n), name).toBe(true);
      if (field.min !== undefined) {
        expect(accepts(field.path, field.min), name).toBe(field.minExclusive !== true);
        expect(accepts(field.path, field.min - 1), name).toBe(false);
      } else {
        expect(accepts(field.path, -1000), name).toBe(true);
      }
      if (field.max !== undefined) {
        expect(accepts(field.path, field.max), name).toBe(true);
        expect(accepts(field.path, field.max + 0.5), name).toBe(false);
      } else {
        expect(accepts(field.path, 100000), name).toBe(true);
      }
      const half = field.max !== undefined && n + 0.5 > field.max ? n - 0.5 : n + 0.5;
      expect(accepts(field.path, half), name).toBe(field.integer !== true);
    }
  });
});

describe("thresholdValueAt", () => {
  it("reads leaves of defaults and of partial overrides", () => {
    expect(thresholdValueAt(defaultThresholds, ["spacing", "highLoadHours"])).toBe(72);
    expect(thresholdValueAt(defaultThresholds, ["pain", "silbernagel", "amberMax"])).toBe(5);
    expect(thresholdValueAt({ spacing: { relaxed: true } }, ["spacing", "relaxed"])).toBe(true);
    expect(thresholdValueAt({}, ["spacing", "relaxed"])).toBeUndefined();
    expect(thresholdValueAt(undefined, ["pain", "profile"])).toBeUndefined();
    expect(thresholdValueAt(defaultThresholds, ["pain", "pht"])).toBeUndefined();
  });
});

describe("buildThresholdOverrides", () => {
  it("keeps only the values given and fills a nested profile from the defaults", () => {
    const overrides = buildThresholdOverrides({
      "pain.profile": "silbernagel",
      "pain.pht.greenMax": 1,
      "spacing.highLoadHours": 48,
      "spacing.relaxed": false,
      "volume.weeklyGreenMaxPct": undefined,
    });
    expect(overrides).toEqual({
      pain: { profile: "silbernagel", pht: { greenMax: 1, amberMax: 3 } },
      spacing: { highLoadHours: 48, relaxed: false },
    });
    expect(thresholdOverridesSchema.parse(overrides)).toEqual(overrides);
    const resolved: Thresholds = resolveThresholds(overrides);
    expect(resolved.pain.pht).toEqual({ greenMax: 1, amberMax: 3 });
    expect(resolved.spacing.relaxedHours).toBe(48);
    expect(buildThresholdOverrides({})).toEqual({});
    expect(defaultThresholds.pain.pht).toEqual({ greenMax: 2, amberMax: 3 });
  });

  it("round-trips every field", () => {
    const values = Object.fromEntries(thresholdFields.map((f) => [thresholdFieldKey(f.path), thresholdValueAt(defaultThresholds, f.path)]));
    expect(resolveThresholds(buildThresholdOverrides(values))).toEqual(defaultThresholds);
    expect(thresholdOverridesSchema.safeParse(buildThresholdOverrides(values)).success).toBe(true);
  });
});
