import superjson, { type SuperJSONResult } from "superjson";

type Annotation = ["Date"] | ["undefined"];

/** superjson's escaping of one key of a path ("a.b" is the key "a\.b" of the path "a\.b.0"). */
const escapeKey = (key: string) => (key.includes(".") || key.includes("\\") ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.") : key);

class NotPlainData extends Error {}

/**
 * An assessment in superjson's wire format (`{ json, meta: { values, v: 1 } }`), so readers keep
 * reviving it with `superjson.deserialize`, built in one pass. superjson's own walker copies the
 * path and the list of ancestors at every node and merges annotations up each level: on a
 * two-year athlete it was most of what a log submit spent outside the database. This walker
 * knows only what an assessment holds (plain objects, dense arrays, strings, finite numbers
 * other than -0, booleans, null, undefined and Dates); anything else, a cycle, or a key superjson
 * refuses (`__proto__`, `constructor`, `prototype`) goes to superjson itself. An object met
 * twice is written twice (superjson would also record that both were one object; for plain data
 * the revived copies are equal).
 */
export function serializeSnapshot(value: unknown): SuperJSONResult {
  const values: Record<string, Annotation> = {};
  const ancestors = new Set<object>();
  // The path of the node being walked, as keys; joined (and escaped) only where an annotation
  // is written, which is rare: building every node's path string cost more than the walk.
  const path: string[] = [];
  const annotate = (annotation: Annotation) => {
    values[path.map(escapeKey).join(".")] = annotation;
  };
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") {
      if (!Number.isFinite(v) || Object.is(v, -0)) throw new NotPlainData();
      return v;
    }
    if (v === undefined) {
      annotate(["undefined"]);
      return undefined;
    }
    if (typeof v !== "object") throw new NotPlainData();
    if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) throw new NotPlainData();
      annotate(["Date"]);
      return v.toISOString();
    }
    if (ancestors.has(v)) throw new NotPlainData();
    ancestors.add(v);
    try {
      if (Array.isArray(v)) {
        const out: unknown[] = new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i += 1) {
          if (!(i in v)) throw new NotPlainData();
          path.push(String(i));
          out[i] = walk(v[i]);
          path.pop();
        }
        return out;
      }
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new NotPlainData();
      const record = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(record)) {
        if (key === "__proto__" || key === "constructor" || key === "prototype") throw new NotPlainData();
        path.push(key);
        out[key] = walk(record[key]);
        path.pop();
      }
      return out;
    } finally {
      ancestors.delete(v);
    }
  };
  try {
    const json = walk(value) as SuperJSONResult["json"];
    if (values[""]) throw new NotPlainData();
    return Object.keys(values).length === 0 ? { json } : { json, meta: { values, v: 1 } };
  } catch (error) {
    if (error instanceof NotPlainData) return superjson.serialize(value);
    throw error;
  }
}
