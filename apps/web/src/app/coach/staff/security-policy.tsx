"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { toast } from "@loadline/ui/sonner";
import { useTRPC } from "@/trpc/react";

/** The club's security setting; only the owner can change it. */
export function SecurityPolicy() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: policy } = useSuspenseQuery(trpc.staff.securityPolicy.queryOptions());
  const save = useMutation(
    trpc.staff.setSecurityPolicy.mutationOptions({
      onSuccess: async (result) => {
        toast.success(result.physioSecondFactorRequired ? "Physios now need a second factor" : "A second factor is now optional for physios");
        await queryClient.invalidateQueries({ queryKey: trpc.staff.securityPolicy.queryKey() });
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Security</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-2 text-sm">
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            className="mt-0.5 size-4 accent-primary"
            checked={policy.physioSecondFactorRequired}
            disabled={!policy.canEdit || save.isPending}
            onChange={(e) => save.mutate({ physioSecondFactorRequired: e.target.checked })}
          />
          <span>
            Physios must use a second factor (an authenticator app). Physios without one can only set it up until they do.
          </span>
        </label>
        {policy.canEdit ? null : <p className="text-muted-foreground">Only the club owner can change this.</p>}
      </CardContent>
    </Card>
  );
}
