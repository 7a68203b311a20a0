"use client";
import { useQuery } from "@tanstack/react-query";
import { painZoneInBands, type PainBands, type Zone } from "@loadline/domain";
import { cn } from "@loadline/ui/lib/utils";
import { useTRPC } from "@/trpc/react";

const chosenZone: Record<Zone, string> = {
  green: "border-zone-green bg-zone-green text-zone-green-foreground",
  amber: "border-zone-amber bg-zone-amber text-zone-amber-foreground",
  red: "border-zone-red bg-zone-red text-zone-red-foreground",
};
const chosenNeutral = "border-primary bg-primary text-primary-foreground";

/**
 * A 0-10 pain rating as eleven large radio buttons (>= 44 px), two rows on a phone so a thumb
 * can reach every one. Native radios keep keyboard and screen-reader behaviour.
 *
 * A during/after pain (`zoned`, the default) is coloured by the zone the engine gives it under
 * the athlete's plan (its pain profile and overrides), so the colour while tapping is the
 * verdict after saving. Morning and rest pain are judged against other mornings, not bands, so
 * they are not coloured; neither is any pain until the plan's bands have arrived.
 */
export function PainScale({ zoned = true, ...props }: PainScaleProps & { zoned?: boolean }) {
  const trpc = useTRPC();
  const bands = useQuery({ ...trpc.progress.painBands.queryOptions(), enabled: zoned, staleTime: 5 * 60_000 }).data;
  return <PainScaleView {...props} bands={zoned ? bands : undefined} />;
}

interface PainScaleProps {
  name: string;
  legend: string;
  description?: string;
  value: number | null | undefined;
  onChange: (value: number) => void;
  error?: string | undefined;
  required?: boolean;
}

/** The scale itself: chosen scores coloured by their zone in `bands`, neutral without bands. */
export function PainScaleView({
  name,
  legend,
  description,
  value,
  onChange,
  error,
  required,
  bands,
}: PainScaleProps & { bands: PainBands | undefined }) {
  const chosenClass = (score: number) => (bands ? chosenZone[painZoneInBands(score, bands)] : chosenNeutral);
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
                  ? chosenClass(score)
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
