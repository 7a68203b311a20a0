"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { erasureConfirmed } from "@loadline/domain";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@loadline/ui/alert-dialog";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { toast } from "@loadline/ui/sonner";
import { downloadZip } from "@/lib/download";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";

/**
 * The owner's data-protection actions on one athlete: download their record for them, and erase
 * it at their request (typing their name). What erasure keeps is in docs/data-protection.md.
 */
export function EraseAthlete({ athleteId, name }: { athleteId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  // The button stays off until the name matches; the server checks it again.
  const form = useForm<{ confirmName: string }>({ defaultValues: { confirmName: "" } });
  const typed = useWatch({ control: form.control, name: "confirmName" });

  const exportRecord = useMutation(
    trpc.roster.exportRecord.mutationOptions({
      onSuccess: (result) => {
        downloadZip(result);
        toast.success(`Downloaded ${name}'s record`);
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const erase = useMutation(
    trpc.roster.erase.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        toast.success("The athlete's personal data was erased");
        await queryClient.invalidateQueries({ queryKey: trpc.roster.pathKey() });
        router.push("/coach/roster");
      },
      // A wrong name stays in the field, with the sentence under it.
      onError: (e) => applyServerErrors(form, e),
    }),
  );

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Their data</h2>
        </CardTitle>
        <CardDescription>
          At the athlete&apos;s request: download their record for them, or erase their personal data. Both are recorded in the audit log.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <Button variant="outline" disabled={exportRecord.isPending} onClick={() => exportRecord.mutate({ athleteId })}>
          {exportRecord.isPending ? "Preparing…" : "Download their record (ZIP)"}
        </Button>
        <AlertDialog
          open={open}
          onOpenChange={(next) => {
            setOpen(next);
            if (!next) form.clearErrors();
          }}
        >
          <AlertDialogTrigger asChild>
            <Button variant="destructive">Erase athlete…</Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <form
              noValidate
              className="grid gap-4"
              onSubmit={form.handleSubmit(({ confirmName }) => erase.mutate({ athleteId, confirmName }))}
            >
              <AlertDialogHeader>
                <AlertDialogTitle>Erase {name}?</AlertDialogTitle>
                <AlertDialogDescription>
                  Their name, email, sign-in, profile, logs, check-ins, questionnaires, gait notes and shared notes are removed for good, and
                  they can no longer sign in. Injury episodes, plans and the audit trail are kept without their name, as health records
                  must be. This cannot be undone: download their record first if they asked for a copy.
                </AlertDialogDescription>
              </AlertDialogHeader>
              <Field label={`Type ${name} to confirm`} htmlFor="erase-confirm-name" error={form.formState.errors.confirmName?.message ?? form.formState.errors.root?.message}>
                <Input autoComplete="off" {...form.register("confirmName")} />
              </Field>
              <AlertDialogFooter>
                <AlertDialogCancel type="button">Cancel</AlertDialogCancel>
                <Button type="submit" variant="destructive" disabled={erase.isPending || !erasureConfirmed(name, typed)}>
                  {erase.isPending ? "Erasing…" : "Erase for good"}
                </Button>
              </AlertDialogFooter>
            </form>
          </AlertDialogContent>
        </AlertDialog>
      </CardContent>
    </Card>
  );
}
