import type { ReactNode } from "react";
import { Input } from "@loadline/ui/input";
import { Label } from "@loadline/ui/label";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { cn } from "@loadline/ui/lib/utils";

/**
 * The row of filters above a list (board, roster, gait, planner, caseload, alerts): a search
 * landmark named by `label`, the filters in a wrapping row, and a live count on the right that
 * a screen reader hears when a filter changes the list.
 *
 * @example
 * const { values, set } = useUrlState({ q: urlParam.text(), squad: urlParam.id() });
 * <FilterBar label="Filter athletes" summary={`${shown.length} of ${all.length} athletes`}>
 *   <FilterSearch id="roster-search" label="Search by name" value={values.q} onChange={(q) => set({ q })} />
 *   <FilterSelect id="roster-squad" label="Squad" value={values.squad} onChange={(squad) => set({ squad })}
 *     options={[{ value: "", label: "All squads" }, ...squads.map((s) => ({ value: s.id, label: s.name }))]} />
 *   <FilterCheckbox label="Show archived" checked={values.archived} onChange={(archived) => set({ archived })} />
 *   <FilterField label="Raised from" htmlFor="alerts-from"><DateField id="alerts-from" … /></FilterField>
 * </FilterBar>
 */
export function FilterBar({
  label,
  summary,
  className,
  children,
}: {
  /** Names the search landmark ("Filter alerts"). */
  label: string;
  /** The count of what is shown, announced politely as it changes. */
  summary?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div role="search" aria-label={label} className={cn("flex flex-wrap items-end gap-3", className)}>
      {children}
      {summary !== undefined ? (
        <p className="ml-auto pb-2 text-sm text-muted-foreground" aria-live="polite">
          {summary}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled control in a filter bar, for controls other than a select, search or checkbox. */
export function FilterField({ label, htmlFor, className, children }: { label: ReactNode; htmlFor: string; className?: string; children: ReactNode }) {
  return (
    <div className={cn("grid gap-1.5", className)}>
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
    </div>
  );
}

export interface FilterOption<V extends string> {
  value: V;
  label: string;
}

/** A select filter; `options` in the order shown, the "any" choice first where there is one. */
export function FilterSelect<V extends string>({
  id,
  label,
  value,
  options,
  onChange,
  className,
}: {
  id: string;
  label: ReactNode;
  value: V;
  options: readonly FilterOption<V>[];
  onChange: (value: V) => void;
  className?: string;
}) {
  return (
    <FilterField label={label} htmlFor={id} className={className}>
      <NativeSelect
        id={id}
        value={value}
        onChange={(e) => {
          // The options are the only values the select can hold.
          const chosen = options.find((o) => o.value === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((o) => (
          <NativeSelectOption key={o.value} value={o.value}>
            {o.label}
          </NativeSelectOption>
        ))}
      </NativeSelect>
    </FilterField>
  );
}

/** A search box filtering by name as one types. */
export function FilterSearch({
  id,
  label,
  value,
  onChange,
  placeholder,
  className,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  className?: string;
}) {
  return (
    <FilterField label={label} htmlFor={id}>
      <Input id={id} type="search" className={cn("w-64", className)} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </FilterField>
  );
}

/** A switch filter ("Show archived"), its label beside the box. */
export function FilterCheckbox({ label, checked, onChange }: { label: ReactNode; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex items-center gap-2 pb-2 text-sm">
      <input type="checkbox" className="size-4 accent-primary" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
