import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { assessAthlete } from "@loadline/domain";
import { variedTimeline } from "@loadline/domain/testing";
import { serializeSnapshot } from "../src/services/snapshot-json";

const NOW = new Date("2026-11-20T08:00:00Z");
const calendar = { timeZone: "Europe/London", locale: "en-GB", weekStartsOn: 1 as const };

describe("the snapshot's superjson encoding", () => {
  it("revives every varied assessment exactly as superjson's own encoding does", () => {
    for (let athlete = 0; athlete < 40; athlete += 1) {
      const assessment = assessAthlete(variedTimeline(athlete, 365, NOW), NOW, { calendar });
      const fast = serializeSnapshot(assessment);
      expect(superjson.deserialize(fast)).toEqual(assessment);
      expect(fast.json).toEqual(superjson.serialize(assessment).json);
      // The same Dates annotated at the same paths.
      expect(Object.keys(fast.meta?.values ?? {}).length).toBeGreaterThan(0);
      expect(fast.meta?.values).toEqual(superjson.serialize(assessment).meta?.values);
    }
  });

  it("keeps undefined, Dates in arrays and keys with dots, and revives repeated objects as equal copies", () => {
    const at = new Date("2026-01-02T03:04:05Z");
    const shared = { at };
    const value = { "a.b": at, list: [at, undefined, { at }], gone: undefined, first: shared, second: shared };
    const revived = superjson.deserialize(serializeSnapshot(value));
    expect(revived).toEqual(value);
    expect(Object.keys(revived as object)).toContain("gone");
  });

  it("hands what is not plain data to superjson itself", () => {
    const cyclic: Record<string, unknown> = { n: 1 };
    cyclic.self = cyclic;
    // eslint-disable-next-line no-sparse-arrays -- a hole is what is tested
    const sparse = [1, , 3];
    const protoKey = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
    for (const value of [{ n: Number.NaN }, { m: new Map([["a", 1]]) }, { d: new Date(Number.NaN) }, new Date(0), cyclic, { big: 1n }, { z: -0 }, { sparse }]) {
      expect(serializeSnapshot(value)).toEqual(superjson.serialize(value));
    }
    // superjson refuses a `__proto__` key; so does the one-pass encoder, by handing it over.
    expect(() => superjson.serialize(protoKey)).toThrow(/prototype pollution/);
    expect(() => serializeSnapshot(protoKey)).toThrow(/prototype pollution/);
  });
});
