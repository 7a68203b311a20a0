"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import { logWindowSchema, type LogWindowInput } from "@loadline/domain";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { DateField } from "@/components/date-field";
import { urlParam, useUrlState } from "@/hooks/use-url-state";
import { serverFieldErrors } from "@/lib/form-errors";

const logWindowUrl = { days: urlParam.text(), from: urlParam.day(), to: urlParam.day() };

/**
 * Which logs a list shows, kept in the address (?days=90, or ?from=2026-01-01&to=2026-03-31) so a
 * reload or a shared link shows the same list. A range from the address is checked with the same
 * schema the API uses; an invalid one falls back to the default window.
 */
export function useLogWindowParam(defaultDays: number): { window: LogWindowInput; setWindow: (next: LogWindowInput) => void } {
  const { values, set } = useUrlState(logWindowUrl);
  const parsed = logWindowSchema.safeParse({
    days: values.days ? Number(values.days) : undefined,
    from: values.from || undefined,
    to: values.to || undefined,
  });
  const window: LogWindowInput = parsed.success && (parsed.data.from || parsed.data.days) ? parsed.data : { days: defaultDays };
  const setWindow = (next: LogWindowInput) =>
    next.from && next.to
      ? set({ days: "", from: next.from, to: next.to })
      : set({ days: next.days !== undefined && next.days !== defaultDays ? String(next.days) : "", from: "", to: "" });
  return { window, setWindow };
}

/** The range form: both days chosen, in order (the API's schema), and not after the club's today. */
function rangeSchema(today: string) {
  return z
    .object({
      from: z.string().min(1, "From: choose the first day of the range"),
      to: z.string().min(1, "To: choose the last day of the range").refine((to) => to <= today, "To cannot be after today"),
    })
    .superRefine((range, ctx) => {
      if (!range.from || !range.to) return;
      const parsed = logWindowSchema.safeParse(range);
      if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    });
}
type Range = z.infer<ReturnType<typeof rangeSchema>>;

/** A quick window of recent days, or a from-to range of the club's days; errors at the field, chosen dates kept. */
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
  const form = useForm<Range>({ resolver: zodResolver(rangeSchema(today)), defaultValues: { from: value.from ?? "", to: value.to ?? "" } });
  const server = serverError ? serverFieldErrors(serverError) : {};
  const { errors } = form.formState;
  const ranged = value.from !== undefined && value.to !== undefined;
  const lastYear = Number(today.slice(0, 4));
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Field label="Show" htmlFor={`${idPrefix}-days`} className="w-44">
        <NativeSelect
          id={`${idPrefix}-days`}
          value={ranged ? "range" : String(value.days ?? windows[0])}
          onChange={(e) => {
            if (e.target.value === "range") return;
            form.clearErrors();
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
      <form className="flex flex-wrap items-end gap-2" aria-label="Date range" noValidate onSubmit={form.handleSubmit((range) => onChange(range))}>
        {(["from", "to"] as const).map((key) => (
          <Field key={key} label={key === "from" ? "From" : "To"} htmlFor={`${idPrefix}-${key}`} error={errors[key]?.message ?? server[key]}>
            {(control) => (
              <Controller
                control={form.control}
                name={key}
                render={({ field }) => (
                  <DateField {...control} label={key === "from" ? "From" : "To"} optional lastYear={lastYear} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
                )}
              />
            )}
          </Field>
        ))}
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
