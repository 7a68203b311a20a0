"use client";
import { useController, type Control, type FieldPathByValue, type FieldValues } from "react-hook-form";

/** A labelled group of checkboxes whose value is the array of checked option values. */
export function CheckboxGroup<T extends FieldValues, N extends FieldPathByValue<T, string[]>>({
  control,
  name,
  legend,
  options,
  required = false,
}: {
  control: Control<T>;
  name: N;
  legend: string;
  options: { value: string; label: string }[];
  required?: boolean;
}) {
  const { field, fieldState } = useController({ control, name });
  const checked = new Set<string>(field.value);
  const errorId = `${name}-error`;
  const toggle = (value: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(value);
    else next.delete(value);
    field.onChange(options.map((o) => o.value).filter((v) => next.has(v)));
  };
  return (
    <fieldset className="grid gap-2" aria-describedby={fieldState.error ? errorId : undefined} aria-invalid={fieldState.error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium">
        {legend}
        {required ? (
          <span aria-hidden="true" className="text-destructive">
            {" "}*
          </span>
        ) : null}
      </legend>
      <div className="flex flex-wrap gap-x-5 gap-y-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={checked.has(option.value)}
              onChange={(e) => toggle(option.value, e.target.checked)}
              onBlur={field.onBlur}
              className="size-4 accent-primary"
            />
            {option.label}
          </label>
        ))}
      </div>
      {fieldState.error?.message ? (
        <p id={errorId} className="text-sm font-medium text-destructive">
          {fieldState.error.message}
        </p>
      ) : null}
    </fieldset>
  );
}
