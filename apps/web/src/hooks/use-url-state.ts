"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { readUrlState, type UrlSchema, type UrlValues } from "@/lib/url-state";

export { urlParam, type UrlParam, type UrlSort, type UrlValues } from "@/lib/url-state";

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
 */
export function useUrlState<S extends UrlSchema>(schema: S): { values: UrlValues<S>; set: (changes: Partial<UrlValues<S>>) => void } {
  const params = useSearchParams();
  const pathname = usePathname();
  const search = params.toString();
  const [values, setValues] = useState<UrlValues<S>>(() => readUrlState(schema, params));
  const [seen, setSeen] = useState(search);
  if (search !== seen) {
    setSeen(search);
    // While our own quick writes are still reaching useSearchParams it lags the address bar;
    // reading it then would undo the last keystroke. Once both agree, it is the truth.
    if (new URLSearchParams(window.location.search).toString() === search) setValues(readUrlState(schema, params));
  }
  const set = (changes: Partial<UrlValues<S>>) => {
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
