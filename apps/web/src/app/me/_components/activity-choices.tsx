"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import { activityLabels, type ActivityKind } from "@loadline/domain";

/**
 * What a log contained, as big tap targets: the activities this kind of log can carry (from the
 * domain), for the phase gates, stretching, spacing and the sport elements of the discharge.
 */
export function ActivityChoices({ options, register, legend, error }: { options: readonly ActivityKind[]; register: UseFormRegisterReturn; legend: string; error?: string | undefined }) {
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? "activities-error" : undefined}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="grid grid-cols-2 gap-2">
        {options.map((a) => (
          <label key={a} className="flex min-h-12 items-center gap-2 rounded-lg border px-3 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent">
            <input type="checkbox" value={a} className="size-4 accent-primary" {...register} />
            {activityLabels[a]}
          </label>
        ))}
      </div>
      {error ? (
        <p id="activities-error" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Full training (E4.2) and full intensity (E4.1): what the athlete says about the whole session. */
export function FullTrainingChoices({ fullTraining, fullIntensity }: { fullTraining: UseFormRegisterReturn; fullIntensity: UseFormRegisterReturn }) {
  return (
    <div className="grid gap-2">
      <label className="flex min-h-12 items-center gap-3 rounded-lg border px-3 text-sm">
        <input type="checkbox" className="size-5 accent-primary" {...fullTraining} />
        Full training: the whole squad session, nothing left out or modified
      </label>
      <label className="flex min-h-12 items-center gap-3 rounded-lg border px-3 text-sm">
        <input type="checkbox" className="size-5 accent-primary" {...fullIntensity} />
        At full intensity (sprints, jumps or sport work at full effort)
      </label>
    </div>
  );
}
