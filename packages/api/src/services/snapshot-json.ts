import superjson, { type SuperJSONResult } from "superjson";

type Annotation = ["Date"] | ["undefined"];

/** superjson's escaping of one key of a path ("a.b" is the key "a\.b" of the path "a\.b.0"). */
const escapeKey = (key: string) => key.replace(/\\/g, "\\\\").replace(/\./g, "\\.");

class NotPlainData extends Error {}

/**
 * An assessment in superjson's wire format (`{ json, meta: { values, v: 1 } }`), so readers keep
 * reviving it with `superjson.deserialize`, built in one pass. superjson's own walker copies the
 * path and the list of ancestors at every node and merges annotations up each level: on a
 * two-year athlete it was most of what a log submit spent outside the database. This walker
 * knows only what an assessment holds (plain objects, arrays, strings, finite numbers, booleans,
 * null, undefined and Dates); anything else, or a cycle, goes to superjson itself. An object met
 * twice is written twice (superjson would also record that both were one object; for plain data
 * the revived copies are equal).
 */
export function serializeSnapshot(value: unknown): SuperJSONResult {
  const values: Record<string, Annotation> = {};
  const ancestors = new Set<object>();
  const walk = (v: unknown, path: string): unknown => {
    if (v === null || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new NotPlainData();
      return v;
    }
    if (v === undefined) {
      values[path] = ["undefined"];
      return undefined;
    }
    if (typeof v !== "object") throw new NotPlainData();
    if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) throw new NotPlainData();
      values[path] = ["Date"];
      return v.toISOString();
    }
    if (ancestors.has(v)) throw new NotPlainData();
    const prefix = path === "" ? "" : `${path}.`;
    ancestors.add(v);
    try {
      if (Array.isArray(v)) return v.map((item, i) => walk(item, `${prefix}${i}`));
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new NotPlainData();
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v)) out[key] = walk(item, `${prefix}${escapeKey(key)}`);
      return out;
    } finally {
      ancestors.delete(v);
    }
  };
  try {
    const json = walk(value, "") as SuperJSONResult["json"];
    if (values[""]) throw new NotPlainData();
    return Object.keys(values).length === 0 ? { json } : { json, meta: { values, v: 1 } };
  } catch (error) {
    if (error instanceof NotPlainData) return superjson.serialize(value);
    throw error;
  }
}
