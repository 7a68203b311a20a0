"use client";
import { useMemo, type ComponentProps } from "react";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { localeOptions, timeZoneOptions } from "@/lib/club-options";

type SelectProps = Omit<ComponentProps<typeof NativeSelect>, "children">;

/**
 * The club's time zone, one of every zone the browser knows (set-up, the operator's new club,
 * club settings). Takes a field's props: `<TimeZoneSelect {...form.register("timeZone")} />`.
 */
export function TimeZoneSelect(props: SelectProps) {
  const zones = useMemo(timeZoneOptions, []);
  return (
    <NativeSelect {...props}>
      {zones.map((zone) => (
        <NativeSelectOption key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </NativeSelectOption>
      ))}
    </NativeSelect>
  );
}

/**
 * The club's date format (its locale), named by how a date looks: `<LocaleSelect {...form.register("locale")} />`.
 * A club already on a locale the list does not offer keeps it as the first choice (`current`).
 */
export function LocaleSelect({ current, ...props }: SelectProps & { current?: string }) {
  const options = current === undefined || localeOptions.some((o) => o.value === current) ? localeOptions : [{ value: current, label: current }, ...localeOptions];
  return (
    <NativeSelect {...props}>
      {options.map((option) => (
        <NativeSelectOption key={option.value} value={option.value}>
          {option.label}
        </NativeSelectOption>
      ))}
    </NativeSelect>
  );
}
