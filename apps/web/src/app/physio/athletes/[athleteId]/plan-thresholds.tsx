"use client";
import {
  buildThresholdOverrides,
  thresholdFieldKey,
  thresholdFields,
  thresholdGroups,
  thresholdValueAt,
  type PlanBody,
  type ThresholdField,
  type ThresholdLeafValue,
  type Thresholds,
} from "@loadline/domain";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Checkbox } from "@loadline/ui/checkbox";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { Label } from "@loadline/ui/label";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";

/** Editor state of the thresholds: typed text for numbers, "" for "use the default", keyed by "r1.painMax". */
export type ThresholdValues = Record<string, string | boolean | undefined>;

const commonGroups = new Set<string>(thresholdGroups.filter((g) => g.common).map((g) => g.id));
const isCommon = (field: ThresholdField) => commonGroups.has(field.path[0]);

/** Whether any of these threshold keys sits under "More thresholds" (it is opened to show its error). */
export const anyUnderMore = (keys: Iterable<string>) => {
  const more = new Set(thresholdFields.filter((f) => !isCommon(f)).map((f) => thresholdFieldKey(f.path)));
  return [...keys].some((k) => more.has(k));
};

export const moreOpenAtStart = (overrides: PlanBody["thresholds"] | undefined) => thresholdFields.some((f) => !isCommon(f) && thresholdValueAt(overrides, f.path) !== undefined);

export function thresholdValuesOf(overrides: PlanBody["thresholds"] | undefined): ThresholdValues {
  const values: ThresholdValues = {};
  for (const field of thresholdFields) {
    const value = thresholdValueAt(overrides, field.path);
    if (value !== undefined) values[thresholdFieldKey(field.path)] = typeof value === "number" ? String(value) : value;
  }
  return values;
}

/** The overrides to save, or a sentence for each field whose text is not a number (by threshold key). */
export function parseThresholdValues(values: ThresholdValues): { overrides: PlanBody["thresholds"] } | { errors: Record<string, string> } {
  const parsed: Record<string, ThresholdLeafValue | undefined> = {};
  const errors: Record<string, string> = {};
  for (const field of thresholdFields) {
    const key = thresholdFieldKey(field.path);
    const value = values[key];
    if (value === undefined || value === "") continue;
    if (field.kind === "number") {
      const text = String(value).trim();
      if (text === "") continue;
      const number = Number(text.replace(",", "."));
      if (!Number.isFinite(number)) errors[key] = "Enter a number, or leave empty for the default";
      else parsed[key] = number;
    } else {
      parsed[key] = value;
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { overrides: buildThresholdOverrides(parsed) };
}

const formatDefault = (field: ThresholdField, value: ThresholdLeafValue | undefined): string => {
  if (field.kind === "boolean") return value ? "on" : "off";
  if (field.kind === "enum") return field.options.find((o) => o.value === value)?.label ?? String(value);
  return `${String(value)}${field.unit && field.unit !== "0-10" ? ` ${field.unit}` : ""}`;
};

const fieldLabel = (field: ThresholdField) =>
  `${field.label}${field.kind === "number" && field.unit ? `, ${field.unit}` : ""} (${field.ruleId})`;

/**
 * Every threshold the engine reads, rendered from the domain's descriptions and grouped by
 * rule: the common ones open, the rest under "More thresholds". Empty means the engine's
 * default, which each field shows.
 */
export function ThresholdsCard({
  values,
  onChange,
  defaults,
  errors,
  moreOpen,
  onMoreOpenChange,
}: {
  values: ThresholdValues;
  onChange: (key: string, value: string | boolean | undefined) => void;
  defaults: Readonly<Thresholds>;
  /** Sentences by threshold key ("r1.painMax"), from the form's check or the server. */
  errors: Record<string, string>;
  moreOpen: boolean;
  onMoreOpenChange: (open: boolean) => void;
}) {
  const fieldKeys = new Set(thresholdFields.map((f) => thresholdFieldKey(f.path)));
  const otherErrors = Object.entries(errors).filter(([key]) => !fieldKeys.has(key));
  const renderGroup = (group: (typeof thresholdGroups)[number]) => (
    <fieldset key={group.id} className="grid gap-3 rounded-lg border p-3">
      <legend className="px-1 text-sm font-medium">
        {group.ruleIds} · {group.title}
      </legend>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {thresholdFields
          .filter((f) => f.path[0] === group.id)
          .map((field) => (
            <ThresholdInput
              key={thresholdFieldKey(field.path)}
              field={field}
              value={values[thresholdFieldKey(field.path)]}
              defaultValue={thresholdValueAt(defaults, field.path)}
              error={errors[thresholdFieldKey(field.path)]}
              onChange={(value) => onChange(thresholdFieldKey(field.path), value)}
            />
          ))}
      </div>
    </fieldset>
  );
  const overriddenMore = thresholdFields.filter((f) => !isCommon(f) && values[thresholdFieldKey(f.path)] !== undefined && values[thresholdFieldKey(f.path)] !== "").length;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Rule thresholds</h2>
        </CardTitle>
        <p className="text-sm text-muted-foreground">Leave a field empty to use the engine&apos;s default, shown in it and under it.</p>
      </CardHeader>
      <CardContent className="grid gap-4">
        {otherErrors.map(([key, message]) => (
          <p key={key} role="alert" className="text-sm font-medium text-destructive">
            {key}: {message}
          </p>
        ))}
        {thresholdGroups.filter((g) => g.common).map(renderGroup)}
        <details open={moreOpen} onToggle={(e) => onMoreOpenChange(e.currentTarget.open)} className="rounded-lg border p-3">
          <summary className="cursor-pointer text-sm font-medium">
            More thresholds{overriddenMore > 0 ? ` (${overriddenMore} changed)` : ""}
          </summary>
          <div className="mt-3 grid gap-4">{thresholdGroups.filter((g) => !g.common).map(renderGroup)}</div>
        </details>
      </CardContent>
    </Card>
  );
}

function ThresholdInput({
  field,
  value,
  defaultValue,
  error,
  onChange,
}: {
  field: ThresholdField;
  value: string | boolean | undefined;
  defaultValue: ThresholdLeafValue | undefined;
  error: string | undefined;
  onChange: (value: string | boolean | undefined) => void;
}) {
  const id = `threshold-${thresholdFieldKey(field.path).replaceAll(".", "-")}`;
  const defaultText = `Default: ${formatDefault(field, defaultValue)}`;
  if (field.kind === "boolean") {
    const describedBy = [`${id}-description`, error ? `${id}-error` : null].filter(Boolean).join(" ");
    return (
      <div className="grid content-start gap-1 sm:col-span-2">
        <div className="flex items-center gap-2">
          <Checkbox
            id={id}
            checked={typeof value === "boolean" ? value : defaultValue === true}
            onCheckedChange={(checked) => onChange(checked === true)}
            aria-describedby={describedBy}
            {...(error ? { "aria-invalid": true } : {})}
          />
          <Label htmlFor={id}>{fieldLabel(field)}</Label>
        </div>
        <p id={`${id}-description`} className="text-xs text-muted-foreground">
          {field.hint ? `${field.hint} ` : ""}
          {defaultText}.
        </p>
        {error ? (
          <p id={`${id}-error`} className="text-sm font-medium text-destructive">
            {error}
          </p>
        ) : null}
      </div>
    );
  }
  if (field.kind === "enum") {
    return (
      <Field label={fieldLabel(field)} htmlFor={id} error={error} className="sm:col-span-2">
        <NativeSelect value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value || undefined)}>
          <NativeSelectOption value="">Default ({formatDefault(field, defaultValue)})</NativeSelectOption>
          {field.options.map((o) => (
            <NativeSelectOption key={o.value} value={o.value}>
              {o.label}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
    );
  }
  return (
    <Field
      label={fieldLabel(field)}
      htmlFor={id}
      error={error}
      description={
        <span className="text-xs">
          {field.hint ? `${field.hint} ` : ""}
          {defaultText}
        </span>
      }
    >
      <Input
        inputMode={field.integer ? "numeric" : "decimal"}
        placeholder={String(defaultValue ?? "")}
        value={typeof value === "string" ? value : ""}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

