"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { logWindowSchema, type LogWindowInput } from "@loadline/domain";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { serverFieldErrors } from "@/lib/form-errors";

/**
 * Which logs a list shows, kept in the address (?days=90, or ?from=2026-01-01&to=2026-03-31) so a
 * reload or a shared link shows the same list. A range from the address is checked with the same
 * schema the API uses; an invalid one falls back to the default window.
 */
export function useLogWindowParam(defaultDays: number): { window: LogWindowInput; setWindow: (next: LogWindowInput) => void } {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const raw = {
    days: searchParams.get("days") ? Number(searchParams.get("days")) : undefined,
    from: searchParams.get("from") ?? undefined,
    to: searchParams.get("to") ?? undefined,
  };
  const parsed = logWindowSchema.safeParse(raw);
  const window: LogWindowInput = parsed.success && (parsed.data.from || parsed.data.days) ? parsed.data : { days: defaultDays };
  const setWindow = (next: LogWindowInput) => {
    const params = new URLSearchParams(searchParams.toString());
    for (const key of ["days", "from", "to"]) params.delete(key);
    if (next.from && next.to) {
      params.set("from", next.from);
      params.set("to", next.to);
    } else if (next.days !== undefined && next.days !== defaultDays) {
      params.set("days", String(next.days));
    }
    const query = params.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  return { window, setWindow };
}

/** A quick window of recent days, or a from-to range of the club's days; errors at the field, typed dates kept. */
export function LogWindowPicker({
  idPrefix,
  windows,
  value,
  onChange,
  today,
  serverError,
}: {
  idPrefix: string;
  windows: readonly number[];
  value: LogWindowInput;
  onChange: (next: LogWindowInput) => void;
  /** The club's today ("YYYY-MM-DD"): the latest day a range may end. */
  today: string;
  /** The list's failed query, whose field errors are shown at the dates. */
  serverError?: unknown;
}) {
  const [from, setFrom] = useState(value.from ?? "");
  const [to, setTo] = useState(value.to ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const shown = { ...(serverError ? serverFieldErrors(serverError) : {}), ...errors };
  const ranged = value.from !== undefined && value.to !== undefined;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Field label="Show" htmlFor={`${idPrefix}-days`} className="w-44">
        <NativeSelect
          id={`${idPrefix}-days`}
          value={ranged ? "range" : String(value.days ?? windows[0])}
          onChange={(e) => {
            if (e.target.value === "range") return;
            setErrors({});
            onChange({ days: Number(e.target.value) });
          }}
        >
          {windows.map((d) => (
            <NativeSelectOption key={d} value={String(d)}>
              Last {d} days
            </NativeSelectOption>
          ))}
          <NativeSelectOption value="range">Dates below</NativeSelectOption>
        </NativeSelect>
      </Field>
      <form
        className="flex flex-wrap items-end gap-2"
        aria-label="Date range"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = logWindowSchema.safeParse({ from: from || undefined, to: to || undefined });
          const found: Record<string, string> = {};
          if (!from) found.from = "From: choose the first day of the range";
          if (!to) found.to = "To: choose the last day of the range";
          if (!parsed.success) for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
          if (to && to > today) found.to ??= "To cannot be after today";
          setErrors(found);
          if (Object.keys(found).length === 0 && parsed.success) onChange({ from: parsed.data.from, to: parsed.data.to });
        }}
      >
        <Field label="From" htmlFor={`${idPrefix}-from`} error={shown.from}>
          <Input type="date" max={today} value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label="To" htmlFor={`${idPrefix}-to`} error={shown.to}>
          <Input type="date" max={today} value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Button type="submit" variant="outline">
          Show these dates
        </Button>
      </form>
    </div>
  );
}

/** "the last 28 days" or "1 Jan 2026 to 31 Mar 2026", for headings and empty lists. */
export function describeLogWindow(value: LogWindowInput, formatDay: (day: string) => string): string {
  return value.from && value.to ? `${formatDay(value.from)} to ${formatDay(value.to)}` : `the last ${value.days ?? 14} days`;
}
