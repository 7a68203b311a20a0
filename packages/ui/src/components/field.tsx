import * as React from "react";

import { cn } from "../lib/utils";
import { Label } from "./label";

/** Props that <Field> passes to its control (the single child element or render function). */
type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

type FieldProps = Omit<React.ComponentProps<"div">, "children"> & {
  /** Visible label text. */
  label: React.ReactNode;
  /** id of the control. Defaults to a generated id that is passed to the child. */
  htmlFor?: string;
  /** Helper text shown under the label, linked with aria-describedby. */
  description?: React.ReactNode;
  /**
   * Error message. When truthy, the control gets aria-invalid="true" and the message is
   * linked with aria-describedby. Pass e.g. `form.formState.errors.name?.message`.
   */
  error?: React.ReactNode;
  /** Shows a required marker next to the label (set `required` on the control itself too). */
  required?: boolean;
  labelClassName?: string;
  /**
   * The control: one element (Input, Textarea, NativeSelect, SelectTrigger, Checkbox...)
   * that receives `id`, `aria-describedby` and `aria-invalid`, or a render function that
   * receives them.
   */
  children: React.ReactElement | ((control: FieldControlProps) => React.ReactNode);
};

/**
 * A labelled form field with description and error message, accessible by default.
 *
 * @example
 * <Field label="Name" htmlFor="name" description="As shown to your team" error={errors.name?.message}>
 *   <Input id="name" {...register("name")} />
 * </Field>
 */
function Field({
  label,
  htmlFor,
  description,
  error,
  required = false,
  className,
  labelClassName,
  children,
  ...props
}: FieldProps) {
  const generatedId = React.useId();
  const id = htmlFor ?? `field-${generatedId.replace(/:/g, "")}`;
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== "";

  const describedBy =
    [description ? descriptionId : null, hasError ? errorId : null].filter(Boolean).join(" ") ||
    undefined;

  const controlProps: FieldControlProps = {
    id,
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(hasError ? { "aria-invalid": true as const } : {}),
  };

  let control: React.ReactNode;
  if (typeof children === "function") {
    control = children(controlProps);
  } else if (React.isValidElement<Partial<FieldControlProps>>(children)) {
    const own = children.props;
    control = React.cloneElement(children, {
      ...controlProps,
      id: own.id ?? id,
      "aria-describedby":
        [own["aria-describedby"], controlProps["aria-describedby"]].filter(Boolean).join(" ") ||
        undefined,
    });
  } else {
    control = children;
  }

  return (
    <div
      data-slot="field"
      data-invalid={hasError || undefined}
      className={cn("group/field grid content-start gap-2", className)}
      {...props}
    >
      <Label
        htmlFor={id}
        className={cn("group-data-[invalid=true]/field:text-destructive", labelClassName)}
      >
        {label}
        {required ? (
          <span aria-hidden="true" className="text-destructive">
            *
          </span>
        ) : null}
      </Label>
      {control}
      {description ? <FieldDescription id={descriptionId}>{description}</FieldDescription> : null}
      {hasError ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}

function FieldDescription({ className, ...props }: React.ComponentProps<"p">) {
  return (
    <p
      data-slot="field-description"
      className={cn("text-sm text-muted-foreground", className)}
      {...props}
    />
  );
}

function FieldError({ className, ...props }: React.ComponentProps<"p">) {
  return (
    <p
      data-slot="field-error"
      className={cn("text-sm font-medium text-destructive", className)}
      {...props}
    />
  );
}

export { Field, FieldDescription, FieldError, type FieldProps, type FieldControlProps };
