"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";

/**
 * One URL query parameter: how its text is read (anything unexpected reads as the default, so a
 * hand-edited or stale link still opens a view) and how a value is written (null leaves the
 * parameter out, which is what the default does, so plain links stay plain).
 */
export interface UrlParam<T> {
  parse(raw: string | null): T;
  serialize(value: T): string | null;
}

/** A column sort as the URL keeps it: `?sort=name` ascending, `?sort=-name` descending. */
export interface UrlSort<C extends string> {
  id: C;
  desc: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The parsers, one per kind of filter. */
export const urlParam = {
  /** Free text (a search box); "" when absent. */
  text(): UrlParam<string> {
    return { parse: (raw) => raw ?? "", serialize: (value) => value || null };
  },
  /**
   * One of a fixed set of values; `fallback` when absent or unknown. Put "" among the values for
   * an "any" choice.
   */
  oneOf<const V extends string>(values: readonly V[], fallback: NoInfer<V>): UrlParam<V> {
    const known = new Set<string>(values);
    return {
      parse: (raw) => (raw !== null && known.has(raw) ? (raw as V) : fallback),
      serialize: (value) => (value === fallback ? null : value),
    };
  },
  /** An id chosen from data (a squad), or a fixed word such as "all"; the fallback when absent. */
  id(fallback = ""): UrlParam<string> {
    return { parse: (raw) => raw || fallback, serialize: (value) => (value === fallback ? null : value) };
  },
  /** A switch: `?key=1` when on. */
  flag(): UrlParam<boolean> {
    return { parse: (raw) => raw === "1", serialize: (value) => (value ? "1" : null) };
  },
  /** A calendar day "YYYY-MM-DD"; "" when absent or not a day. */
  day(): UrlParam<string> {
    return { parse: (raw) => (raw !== null && DAY.test(raw) ? raw : ""), serialize: (value) => (DAY.test(value) ? value : null) };
  },
  /** A sort over the named columns, `fallback` when absent or naming another column. */
  sort<const C extends string>(columns: readonly C[], fallback: UrlSort<NoInfer<C>>): UrlParam<UrlSort<C>> {
    const known = new Set<string>(columns);
    return {
      parse: (raw) => {
        const id = raw?.replace(/^-/, "") ?? "";
        return known.has(id) ? { id: id as C, desc: raw?.startsWith("-") ?? false } : fallback;
      },
      serialize: (value) =>
        value.id === fallback.id && value.desc === fallback.desc ? null : `${value.desc ? "-" : ""}${value.id}`,
    };
  },
};

type Schema = Record<string, UrlParam<unknown>>;
export type UrlValues<S extends Schema> = { [K in keyof S]: S[K] extends UrlParam<infer T> ? T : never };

function parseAll<S extends Schema>(schema: S, params: { get(key: string): string | null }): UrlValues<S> {
  return Object.fromEntries(Object.entries(schema).map(([key, param]) => [key, param.parse(params.get(key))])) as UrlValues<S>;
}

/**
 * Filters, sort and search kept in the URL so a view can be bookmarked or shared, one typed
 * parser per key:
 *
 * @example
 * const { values, set } = useUrlState({
 *   q: urlParam.text(),
 *   severity: urlParam.oneOf(["", "amber", "red"], ""),
 *   archived: urlParam.flag(),
 *   sort: urlParam.sort(["name", "phase"], { id: "name", desc: false }),
 * });
 * values.sort.id; // "name" | "phase"
 * set({ archived: true });
 *
 * Controls answer at once from local state. The URL is written with the History API, which
 * Next keeps in step with useSearchParams without rendering the page on the server again. A
 * change of the URL from outside (a link to the same page with other filters, back/forward)
 * is read again once useSearchParams has caught up with the address bar.
 *
 * The string-array form (`useUrlState(["q", "squad"] as const)`: every key plain text) is kept
 * while the board moves to parsers; new code passes parsers.
 */
export function useUrlState<S extends Schema>(schema: S): { values: UrlValues<S>; set: (changes: Partial<UrlValues<S>>) => void };
export function useUrlState<K extends string>(keys: readonly K[]): { values: Record<K, string>; set: (changes: Partial<Record<K, string>>) => void };
export function useUrlState(schemaOrKeys: Schema | readonly string[]): { values: Record<string, unknown>; set: (changes: never) => void } {
  const schema: Schema = Array.isArray(schemaOrKeys)
    ? Object.fromEntries(schemaOrKeys.map((key: string) => [key, urlParam.text()]))
    : (schemaOrKeys as Schema);
  const params = useSearchParams();
  const pathname = usePathname();
  const search = params.toString();
  const [values, setValues] = useState(() => parseAll(schema, params));
  const [seen, setSeen] = useState(search);
  if (search !== seen) {
    setSeen(search);
    // While our own quick writes are still reaching useSearchParams it lags the address bar;
    // reading it then would undo the last keystroke. Once both agree, it is the truth.
    if (new URLSearchParams(window.location.search).toString() === search) setValues(parseAll(schema, params));
  }
  const set = (changes: Record<string, unknown>) => {
    setValues((current) => ({ ...current, ...changes }));
    // Read the live URL, so two quick changes do not overwrite each other.
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      const param = schema[key];
      if (!param) continue;
      const text = param.serialize(value);
      if (text === null) next.delete(key);
      else next.set(key, text);
    }
    const query = next.toString();
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
  };
  return { values, set };
}
