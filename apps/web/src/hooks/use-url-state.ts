"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";

/**
 * Filters, sort and search kept in the URL so a view can be bookmarked or shared. Controls
 * answer at once from local state. The URL is updated with the History API, which Next keeps
 * in sync with useSearchParams without asking the server to render the page again.
 */
export function useUrlState<K extends string>(keys: readonly K[]) {
  const params = useSearchParams();
  const pathname = usePathname();
  const [values, setValues] = useState<Record<K, string>>(
    () => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ""])) as Record<K, string>,
  );
  const set = (changes: Partial<Record<K, string>>) => {
    setValues((current) => ({ ...current, ...changes }));
    // Read the live URL, so two quick changes do not overwrite each other.
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes) as [K, string | undefined][]) {
      if (!value) next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
  };
  return { values, set };
}
