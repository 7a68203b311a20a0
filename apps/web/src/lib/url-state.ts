/**
 * The URL's filter parameters, typed: one parser per key. Plain module (no "use client"), so a
 * server page can read the same parameters the client hook will (to prefetch what it shows).
 * The hook that keeps them is `useUrlState` in `@/hooks/use-url-state`.
 */

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

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const isDay = (text: string) => {
  const m = DAY.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
};

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
  /** A calendar day "YYYY-MM-DD"; "" when absent or not a day of the calendar (2026-02-31). */
  day(): UrlParam<string> {
    return { parse: (raw) => (raw !== null && isDay(raw) ? raw : ""), serialize: (value) => (isDay(value) ? value : null) };
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

export type UrlSchema = Record<string, UrlParam<unknown>>;
export type UrlValues<S extends UrlSchema> = { [K in keyof S]: S[K] extends UrlParam<infer T> ? T : never };

/** Reads every key of a schema; a server page uses it to ask for what the client will show. */
export function readUrlState<S extends UrlSchema>(schema: S, params: { get(key: string): string | null | undefined }): UrlValues<S> {
  return Object.fromEntries(Object.entries(schema).map(([key, param]) => [key, param.parse(params.get(key) ?? null)])) as UrlValues<S>;
}

