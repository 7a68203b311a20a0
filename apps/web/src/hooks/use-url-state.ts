"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";

/**
 * Filters, sort and search kept in the URL so a coach can bookmark or share a view. Controls
 * answer at once from local state; the URL follows (router.replace is asynchronous).
 */
export function useUrlState<K extends string>(keys: readonly K[]) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [values, setValues] = useState<Record<K, string>>(
    () => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ""])) as Record<K, string>,
  );
  const set = (changes: Partial<Record<K, string>>) => {
    setValues((current) => ({ ...current, ...changes }));
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes) as [K, string | undefined][]) {
      if (!value) next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  return { values, set };
}
