"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, type FormEvent } from "react";
import { useForm, type DefaultValues, type FieldValues } from "react-hook-form";
import type { z } from "zod";

/**
 * A react-hook-form form that submits to a server action (sign-in): with JavaScript the schema
 * checks every field at once before anything is sent, and the action gets the form's own data
 * (hidden fields included); without JavaScript the form still posts to the action.
 *
 * @example
 * const { form, state, pending, formProps } = useActionForm(signInSchema, { email: "", password: "" }, signInAction, { email: "" });
 * <form {...formProps} noValidate>
 *   <Field label="Email" htmlFor="email" error={form.formState.errors.email?.message ?? state.fieldErrors?.email}>
 *     <Input type="email" {...form.register("email")} />
 *   </Field>
 * </form>
 */
export function useActionForm<Values extends FieldValues, State>(
  schema: z.ZodType<Values, Values>,
  defaultValues: DefaultValues<Values>,
  action: (state: Awaited<State>, data: FormData) => State | Promise<State>,
  initialState: Awaited<State>,
) {
  const [state, dispatch, pending] = useActionState(action, initialState);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    void form.handleSubmit(() => {
      const data = new FormData(element);
      // The action's pending state needs a transition when dispatched by hand.
      startTransition(() => dispatch(data));
    })(event);
  };
  return { form, state, pending, formProps: { action: dispatch, onSubmit } };
}
