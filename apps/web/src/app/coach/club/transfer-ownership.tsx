"use client";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";

const transferForm = z.object({ userId: z.string().min(1, "Choose a coach") });

/** The owner hands the club to another coach; the club always has exactly one owner. */
export function TransferOwnership() {
  const trpc = useTRPC();
  const router = useRouter();
  const { data: staff } = useSuspenseQuery(trpc.staff.list.queryOptions());
  const candidates = staff.filter((s) => s.role === "coach" && !s.isOwner && s.status === "active");
  const form = useForm<z.infer<typeof transferForm>>({ resolver: zodResolver(transferForm), defaultValues: { userId: "" } });
  const transfer = useMutation(
    trpc.club.transferOwnership.mutationOptions({
      onSuccess: () => {
        toast.success("Ownership transferred");
        router.refresh();
      },
      onError: (e) => applyServerErrors(form, e),
    }),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Owner</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        <p className="text-muted-foreground">
          You own the club: you change its settings and staff roles. Hand it to another coach who has signed up; you stay a coach.
        </p>
        {candidates.length === 0 ? (
          <p>Invite another coach first: ownership can only go to a coach who has set a password.</p>
        ) : (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={form.handleSubmit((values) => transfer.mutate(values))}
            noValidate
          >
            <Field label="New owner" htmlFor="new-owner" error={form.formState.errors.userId?.message ?? form.formState.errors.root?.message}>
              <NativeSelect {...form.register("userId")}>
                <NativeSelectOption value="">Choose a coach</NativeSelectOption>
                {candidates.map((c) => (
                  <NativeSelectOption key={c.id} value={c.id}>
                    {c.name}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </Field>
            <Button type="submit" variant="outline" disabled={transfer.isPending}>
              Transfer ownership
            </Button>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
