"use client";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { Textarea } from "@loadline/ui/textarea";
import { CharacterCount } from "@/components/character-count";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { applyServerErrors, labelledResolver } from "@/lib/form-errors";

interface ServerError {
  message: string;
  data?: { fieldErrors?: Record<string, string[]> | null } | null;
}

interface ReasonFormProps {
  /** The text field's id; its label focuses it. */
  id: string;
  label: string;
  description?: ReactNode;
  /** The domain's check of the text (required, length): its sentence shows at the field. */
  schema: z.ZodType<string, string>;
  /** The key the API names the text by ("closingNote", "reason"), so its refusal shows at the field too. */
  serverKey: string;
  initial?: string;
  /** A one-line input instead of a text area. */
  singleLine?: boolean;
  rows?: number;
  /** Shows "120 / 5,000 characters" under the field. */
  maxLength?: number;
  required?: boolean;
  submitLabel: string;
  submitVariant?: "default" | "outline" | "destructive";
  size?: "default" | "sm";
  /** Asked after the text checks out and before it is sent. */
  confirm?: { title: string; description: string; confirmLabel: string; destructive?: boolean };
  /** Sends the text; a refusal is shown at the field (or above the form when it names no field). */
  onSubmit: (text: string) => Promise<unknown>;
  /** After a successful send; the field empties unless `keepAfterSave`. */
  onDone?: () => void;
  keepAfterSave?: boolean;
  /** Buttons beside the submit button ("Cancel", "Keep it"). */
  actions?: ReactNode;
  /** Content between the field and the buttons (a dialog's header goes above via `header`). */
  header?: ReactNode;
  /** Where the buttons go, for a dialog's footer. */
  footer?: (buttons: ReactNode) => ReactNode;
  className?: string;
}

/**
 * A reason, note or restriction that must be written before an action (closing an episode,
 * deleting a treatment, reopening, moving back a phase): one text field checked by the domain's
 * schema, its refusal at the field, an optional confirmation, and the text kept when refused.
 */
export function ReasonForm({
  id,
  label,
  description,
  schema,
  serverKey,
  initial = "",
  singleLine = false,
  rows = 2,
  maxLength,
  required = false,
  submitLabel,
  submitVariant = "default",
  size = "default",
  confirm,
  onSubmit,
  onDone,
  keepAfterSave = false,
  actions,
  header,
  footer,
  className = "grid gap-3",
}: ReasonFormProps) {
  const form = useForm<{ text: string }>({ resolver: labelledResolver(z.object({ text: schema }), { text: label }), defaultValues: { text: initial } });
  const [confirming, setConfirming] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;
  const send = async (text: string) => {
    try {
      await onSubmit(text);
      if (!keepAfterSave) form.reset({ text: "" });
      onDone?.();
    } catch (error) {
      applyServerErrors(form, error as ServerError, { [serverKey]: "text" });
    }
  };
  const text = form.watch("text");
  const buttons = (
    <div className="flex flex-wrap gap-2">
      {actions}
      <Button type="submit" variant={submitVariant} size={size} className="w-fit" disabled={isSubmitting}>
        {submitLabel}
      </Button>
    </div>
  );
  return (
    <form
      className={className}
      noValidate
      onSubmit={form.handleSubmit(async ({ text: checked }) => {
        if (confirm) setConfirming(checked);
        else await send(checked);
      })}
    >
      {header}
      {errors.root ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.message}</AlertDescription>
        </Alert>
      ) : null}
      <Field
        label={label}
        htmlFor={id}
        required={required}
        error={errors.text?.message}
        description={
          description || maxLength ? (
            <>
              {description}
              {maxLength ? <CharacterCount value={text} max={maxLength} /> : null}
            </>
          ) : undefined
        }
      >
        {singleLine ? <Input id={id} maxLength={maxLength} {...form.register("text")} /> : <Textarea id={id} rows={rows} maxLength={maxLength} {...form.register("text")} />}
      </Field>
      {confirm ? (
        <ConfirmDialog
          open={confirming !== null}
          onOpenChange={(open) => (open ? undefined : setConfirming(null))}
          title={confirm.title}
          description={confirm.description}
          confirmLabel={confirm.confirmLabel}
          destructive={confirm.destructive ?? false}
          onConfirm={() => {
            if (confirming !== null) void send(confirming);
            setConfirming(null);
          }}
        />
      ) : null}
      {footer ? footer(buttons) : buttons}
    </form>
  );
}
