import type { FormEventHandler, ReactNode } from "react";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";

/**
 * What a form could not place at a field (a lost connection, a refusal), shown above its fields.
 * Pass `form.formState.errors.root?.message` (see `applyServerErrors`).
 */
export function FormRootError({ message, className }: { message: string | undefined; className?: string }) {
  if (!message) return null;
  return (
    <Alert variant="destructive" role="alert" className={className}>
      <AlertDescription>{message}</AlertDescription>
    </Alert>
  );
}

/**
 * A list and, beside it on wide screens, the card with the form that adds to it (staff, squads,
 * the operator's clubs).
 *
 * @example
 * <ListWithForm list={<DataTable … />}>
 *   <FormCard title="New squad" onSubmit={form.handleSubmit(create)} error={errors.root?.message}
 *     submitLabel="Create squad" pending={create.isPending}>
 *     <Field label="Squad name" htmlFor="squad-name" error={errors.name?.message}><Input {...form.register("name")} /></Field>
 *   </FormCard>
 * </ListWithForm>
 */
export function ListWithForm({ list, children }: { list: ReactNode; children: ReactNode }) {
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="grid content-start gap-4">{list}</div>
      {children}
    </div>
  );
}

/** A titled card holding one form: the root error, the fields, the submit button, then `after` (the link it made). */
export function FormCard({
  title,
  onSubmit,
  error,
  submitLabel,
  pending,
  after,
  className,
  children,
}: {
  title: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  error: string | undefined;
  submitLabel: string;
  pending: boolean;
  after?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Card className={className}>
      <CardHeader>
        <CardTitle>
          <h2>{title}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
          <FormRootError message={error} />
          {children}
          <Button type="submit" disabled={pending}>
            {submitLabel}
          </Button>
        </form>
        {after}
      </CardContent>
    </Card>
  );
}
