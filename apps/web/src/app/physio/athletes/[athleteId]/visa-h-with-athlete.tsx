"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { visaHAllowedScores, visaHItems, visaHItemsSchema } from "@loadline/domain";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { useTRPC } from "@/trpc/react";
import { dateTimeFieldValue } from "../../../me/_components/use-log-form";
import { serverFieldErrors } from "../../_components/labels";
import { useRefreshClinical } from "../../_components/use-refresh-clinical";
import { DateTimeField, impossibleDayMessage, instantOfValue } from "@/components/date-time-field";

const newKey = () => `physio-visa-h-${crypto.randomUUID()}`;

/** VISA-H completed by the physio with the athlete (in clinic): the athlete's answers, scored by the domain. */
export function VisaHWithAthlete({ athleteId }: { athleteId: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshClinical();
  const [items, setItems] = useState<string[]>(() => visaHItems.map(() => ""));
  const [when, setWhen] = useState(() => dateTimeFieldValue());
  const [key, setKey] = useState(newKey);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useMutation(
    trpc.visaH.submit.mutationOptions({
      onError: (error) => {
        const fields = serverFieldErrors(error);
        setErrors(Object.keys(fields).length > 0 ? fields : { _form: error.message });
      },
      onSuccess: async (result) => {
        toast.success(`VISA-H recorded: ${result.total}/100`);
        setErrors({});
        setItems(visaHItems.map(() => ""));
        setKey(newKey());
        await refresh();
      },
    }),
  );
  return (
    <form
      className="grid gap-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const missing = items.flatMap((v, i) => (v === "" ? [`items.${i}`] : []));
        const at = instantOfValue(when);
        if (missing.length > 0 || !at) {
          setErrors({ ...Object.fromEntries(missing.map((k) => [k, "Choose the athlete's answer"])), ...(at ? {} : { at: impossibleDayMessage("When") }) });
          return;
        }
        const parsed = visaHItemsSchema.safeParse(items.map(Number));
        if (!parsed.success) {
          setErrors({ _form: parsed.error.issues[0]?.message ?? "Check the answers" });
          return;
        }
        submit.mutate({ idempotencyKey: key, athleteId, at, items: parsed.data });
      }}
    >
      {errors._form ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {errors._form}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {visaHItems.map((item, index) => (
          <Field key={item.item} label={`${item.item}. ${item.label}`} htmlFor={`physio-visa-${item.item}`} error={errors[`items.${index}`]}>
            <NativeSelect
              id={`physio-visa-${item.item}`}
              value={items[index]}
              onChange={(e) => setItems(items.map((v, i) => (i === index ? e.target.value : v)))}
            >
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
      <Field label="When" htmlFor="physio-visa-at" error={errors.at} className="w-64">
        <DateTimeField id="physio-visa-at" label="When" value={when} onChange={setWhen} />
      </Field>
      <Button type="submit" className="w-fit" disabled={submit.isPending}>
        Record VISA-H
      </Button>
    </form>
  );
}
