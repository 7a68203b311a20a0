"use client";
import { cn } from "@loadline/ui/lib/utils";

/**
 * A 0-10 pain rating as eleven large radio buttons (>= 44 px), two rows on a phone so a thumb
 * can reach every one. Native radios keep keyboard and screen-reader behaviour.
 */
export function PainScale({
  name,
  legend,
  description,
  value,
  onChange,
  error,
  required,
}: {
  name: string;
  legend: string;
  description?: string;
  value: number | null | undefined;
  onChange: (value: number) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const errorId = `${name}-error`;
  const descriptionId = `${name}-description`;
  return (
    <fieldset
      className="grid gap-2"
      aria-invalid={error ? true : undefined}
      aria-describedby={[description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined}
    >
      <legend className="mb-1 text-sm font-medium">
        {legend}
        {required ? <span aria-hidden="true" className="text-destructive"> *</span> : null}
      </legend>
      {description ? (
        <p id={descriptionId} className="-mt-1 text-xs text-muted-foreground">
          {description}
        </p>
      ) : null}
      <div className="grid grid-cols-6 gap-2 sm:grid-cols-11">
        {Array.from({ length: 11 }, (_, score) => {
          const id = `${name}-${score}`;
          const checked = value === score;
          return (
            <label
              key={score}
              htmlFor={id}
              className={cn(
                "flex h-12 min-w-11 cursor-pointer items-center justify-center rounded-lg border text-base font-semibold tabular-nums transition-colors",
                "has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50",
                checked
                  ? score <= 2
                    ? "border-zone-green bg-zone-green text-zone-green-foreground"
                    : score <= 3
                      ? "border-zone-amber bg-zone-amber text-zone-amber-foreground"
                      : "border-zone-red bg-zone-red text-zone-red-foreground"
                  : "bg-background hover:bg-accent",
              )}
            >
              <input
                id={id}
                type="radio"
                name={name}
                value={score}
                checked={checked}
                onChange={() => onChange(score)}
                className="sr-only"
                aria-label={`${score} out of 10`}
              />
              {score}
            </label>
          );
        })}
      </div>
      <div className="flex justify-between text-xs text-muted-foreground" aria-hidden="true">
        <span>0 no pain</span>
        <span>10 worst imaginable</span>
      </div>
      {error ? (
        <p id={errorId} className="text-sm text-destructive" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
