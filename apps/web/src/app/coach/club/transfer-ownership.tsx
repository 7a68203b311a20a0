"use client";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { useTRPC } from "@/trpc/react";

/** The owner hands the club to another coach; the club always has exactly one owner. */
export function TransferOwnership() {
  const trpc = useTRPC();
  const router = useRouter();
  const { data: staff } = useSuspenseQuery(trpc.staff.list.queryOptions());
  const candidates = staff.filter((s) => s.role === "coach" && !s.isOwner && s.status === "active");
  const [to, setTo] = useState("");
  const [error, setError] = useState<string | undefined>();
  const transfer = useMutation(
    trpc.club.transferOwnership.mutationOptions({
      onSuccess: () => {
        toast.success("Ownership transferred");
        router.refresh();
      },
      onError: (e) => setError(e.data?.fieldErrors?.userId?.[0] ?? e.message),
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
            onSubmit={(event) => {
              event.preventDefault();
              if (!to) {
                setError("Choose a coach");
                return;
              }
              transfer.mutate({ userId: to });
            }}
            noValidate
          >
            <Field label="New owner" htmlFor="new-owner" error={error}>
              <NativeSelect value={to} onChange={(e) => setTo(e.target.value)}>
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
