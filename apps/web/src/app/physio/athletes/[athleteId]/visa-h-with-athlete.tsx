"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import { visaHAllowedScores, visaHInputSchema, visaHItems, visaHLabels, type VisaHInput } from "@loadline/domain";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { checkedBy } from "@/components/form-pipe";
import { applyServerErrors, labelledResolver } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { dateTimeFieldValue } from "../../../me/_components/use-log-form";
import { useRefreshClinical } from "../../_components/use-refresh-clinical";
import { DateTimeField, impossibleDayMessage, instantOfValue } from "@/components/date-time-field";

const newKey = () => `physio-visa-h-${crypto.randomUUID()}`;

/** The answers as chosen ("" for none yet): each unanswered item named at once, then the domain scores the rest. */
const visaHFormSchema = z
  .object({ at: z.string(), items: z.array(z.string()) })
  .superRefine((v, ctx) => {
    v.items.forEach((answer, i) => {
      if (answer === "") ctx.addIssue({ code: "custom", path: ["items", i], message: "Choose the athlete's answer" });
    });
    if (!instantOfValue(v.at)) ctx.addIssue({ code: "custom", path: ["at"], message: impossibleDayMessage("When") });
  })
  .transform((v, ctx) => checkedBy(visaHInputSchema, { at: v.at, items: v.items.map(Number) }, ctx));
type Values = z.input<typeof visaHFormSchema>;
const blank = (): Values => ({ at: dateTimeFieldValue(), items: visaHItems.map(() => "") });

/** VISA-H completed by the physio with the athlete (in clinic): the athlete's answers, scored by the domain. */
export function VisaHWithAthlete({ athleteId }: { athleteId: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshClinical();
  const [key, setKey] = useState(newKey);
  const form = useForm<Values, unknown, VisaHInput>({ resolver: labelledResolver(visaHFormSchema, visaHLabels), defaultValues: blank() });
  const submit = useMutation(
    trpc.visaH.submit.mutationOptions({
      onError: (error) => applyServerErrors(form, error),
      onSuccess: async (result) => {
        toast.success(`VISA-H recorded: ${result.total}/100`);
        form.reset(blank());
        setKey(newKey());
        await refresh();
      },
    }),
  );
  const { errors } = form.formState;
  return (
    <form className="grid gap-3" noValidate onSubmit={form.handleSubmit((input) => submit.mutate({ idempotencyKey: key, athleteId, ...input }))}>
      {errors.root ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {errors.root.message}
        </p>
      ) : null}
      {errors.items?.message ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {errors.items.message}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {visaHItems.map((item, index) => (
          <Field key={item.item} label={`${item.item}. ${item.label}`} htmlFor={`physio-visa-${item.item}`} error={errors.items?.[index]?.message}>
            <NativeSelect id={`physio-visa-${item.item}`} {...form.register(`items.${index}`)}>
              <NativeSelectOption value="">Choose ({item.allowed})</NativeSelectOption>
              {visaHAllowedScores(item.item).map((score) => (
                <NativeSelectOption key={score} value={String(score)}>
                  {score}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
        ))}
      </div>
      <Field label="When" htmlFor="physio-visa-at" error={errors.at?.message} className="w-64">
        <Controller control={form.control} name="at" render={({ field }) => <DateTimeField id="physio-visa-at" label="When" value={field.value} onChange={field.onChange} onBlur={field.onBlur} />} />
      </Field>
      <Button type="submit" className="w-fit" disabled={submit.isPending}>
        Record VISA-H
      </Button>
    </form>
  );
}
