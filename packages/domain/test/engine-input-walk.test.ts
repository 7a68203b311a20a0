import { describe, expect, it } from "vitest";
import { z } from "zod";
import { thresholdOverridesSchema } from "../src/clinical/config";
import { inputPathsOf, inputsReadBy, writersFor } from "../src/clinical/engine-inputs";

describe("inputPathsOf", () => {
  it("names a root schema that is a single value by the empty path", () => {
    expect(inputPathsOf(z.number())).toEqual([""]);
    expect(inputPathsOf(z.number().optional())).toEqual([""]);
  });

  it("walks the fields of a root object without a leading dot, sorted", () => {
    expect(inputPathsOf(z.object({ b: z.string(), a: z.object({ y: z.number(), x: z.boolean() }) }))).toEqual(["a.x", "a.y", "b"]);
  });

  it("sees through every wrapper to the field inside", () => {
    const inner = z.object({ n: z.number() });
    const wrapped = z.object({
      optional: inner.optional(),
      nullable: inner.nullable(),
      withDefault: inner.default({ n: 1 }),
      prefault: inner.prefault({ n: 1 }),
      nonoptional: inner.optional().nonoptional(),
      readonly: inner.readonly(),
      caught: inner.catch({ n: 0 }),
    });
    expect(inputPathsOf(wrapped)).toEqual(["caught.n", "nonoptional.n", "nullable.n", "optional.n", "prefault.n", "readonly.n", "withDefault.n"]);
  });

  it("reads a transform by its input side and a preprocess or pipe by its output side", () => {
    const transformed = z.object({ a: z.number(), b: z.string() }).transform((v) => v.a);
    expect(inputPathsOf(z.object({ t: transformed }))).toEqual(["t.a", "t.b"]);
    const preprocessed = z.preprocess((v) => v, z.object({ c: z.number() }));
    expect(inputPathsOf(z.object({ p: preprocessed }))).toEqual(["p.c"]);
    const piped = z.object({ d: z.number() }).pipe(z.object({ d: z.number(), e: z.string().optional() }));
    expect(inputPathsOf(z.object({ piped }))).toEqual(["piped.d", "piped.e"]);
  });

  it("merges the fields of a union's options and walks lists of records, not lists of values", () => {
    const schema = z.object({
      records: z.array(z.union([z.object({ kind: z.literal("a"), x: z.number() }), z.object({ kind: z.literal("b"), y: z.number() })])),
      objects: z.array(z.object({ id: z.string() })),
      tags: z.array(z.string()),
    });
    expect(inputPathsOf(schema)).toEqual(["objects.id", "records.kind", "records.x", "records.y", "tags"]);
  });

  it("stops at the thresholds: they are one input", () => {
    expect(inputPathsOf(z.object({ thresholds: thresholdOverridesSchema, other: z.number() }))).toEqual(["other", "thresholds"]);
  });
});

describe("inputsReadBy and writersFor", () => {
  it("lists the inputs a criterion reads, in table order, and the one form that writes them", () => {
    expect(inputsReadBy("E2.2")).toEqual(["capacityTests.at", "capacityTests.kind", "capacityTests.pain"]);
    expect(inputsReadBy("E2.3")).toEqual(["capacityTests.at", "capacityTests.kind", "capacityTests.affected", "capacityTests.other"]);
    expect(writersFor("E2.2")).toEqual(["capacityTests.record"]);
  });

  it("gives each writer once, in the procedure table's order", () => {
    expect(inputsReadBy("R22")).toEqual(["adjuncts.at", "adjuncts.kind", "adjuncts.restrictions"]);
    expect(writersFor("R22")).toEqual(["adjuncts.record", "adjuncts.enterRestrictions"]);
  });
});
