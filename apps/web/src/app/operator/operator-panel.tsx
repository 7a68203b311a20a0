"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, operatorClubSchema, type OperatorClubInput } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@loadline/ui/alert-dialog";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@loadline/ui/card";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { toast } from "@loadline/ui/sonner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@loadline/ui/table";
import { InviteLink } from "@/components/invite-link";
import { localeOptions, timeZoneOptions } from "@/lib/club-options";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";

export function OperatorPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: clubs } = useSuspenseQuery(trpc.operator.clubs.queryOptions());
  const zones = useMemo(timeZoneOptions, []);
  const form = useForm<OperatorClubInput>({
    resolver: zodResolver(operatorClubSchema),
    defaultValues: { clubName: "", timeZone: DEFAULT_TIME_ZONE, locale: DEFAULT_LOCALE, ownerName: "", ownerEmail: "" },
  });
  const [created, setCreated] = useState<{ name: string; setupPath: string; expiresAt: Date } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.operator.clubs.queryKey() });
  const create = useMutation(
    trpc.operator.createClub.mutationOptions({
      onSuccess: async (result, input) => {
        setCreated({ name: input.ownerName, setupPath: result.setupPath, expiresAt: result.expiresAt });
        form.reset();
        await refresh();
      },
      onError: (error) => applyServerErrors(form, error),
    }),
  );
  const [confirming, setConfirming] = useState(false);
  const removeDemo = useMutation(
    trpc.operator.removeDemoClub.mutationOptions({
      onSuccess: async () => {
        toast.success("The demo club is gone; no other club was touched");
        setConfirming(false);
        await refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const demo = clubs.find((c) => c.isDemo);
  const { errors } = form.formState;
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="grid content-start gap-4">
        <div className="rounded-lg border bg-card">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Club</TableHead>
                <TableHead>Staff</TableHead>
                <TableHead>Athletes</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {clubs.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={3} className="text-muted-foreground">
                    No clubs yet.
                  </TableCell>
                </TableRow>
              ) : null}
              {clubs.map((club) => (
                <TableRow key={club.id}>
                  <TableCell className="font-medium">
                    {club.name}
                    {club.isDemo ? (
                      <Badge variant="secondary" className="ml-2">
                        Demo
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell>{club.staff}</TableCell>
                  <TableCell>{club.athletes}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        {demo ? (
          <div>
            <Button variant="outline" onClick={() => setConfirming(true)}>
              Remove the demo club
            </Button>
          </div>
        ) : null}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>New club</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <form onSubmit={form.handleSubmit((values) => create.mutate(values))} className="grid gap-4" noValidate>
            {errors.root?.message ? (
              <Alert variant="destructive" role="alert">
                <AlertDescription>{errors.root.message}</AlertDescription>
              </Alert>
            ) : null}
            <Field label="Club name" htmlFor="op-club-name" error={errors.clubName?.message}>
              <Input {...form.register("clubName")} />
            </Field>
            <Field label="Time zone" htmlFor="op-time-zone" error={errors.timeZone?.message}>
              <NativeSelect {...form.register("timeZone")}>
                {zones.map((zone) => (
                  <NativeSelectOption key={zone} value={zone}>
                    {zone.replaceAll("_", " ")}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </Field>
            <Field label="Date format" htmlFor="op-locale" error={errors.locale?.message}>
              <NativeSelect {...form.register("locale")}>
                {localeOptions.map((option) => (
                  <NativeSelectOption key={option.value} value={option.value}>
                    {option.label}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </Field>
            <Field label="Owner's name" htmlFor="op-owner-name" error={errors.ownerName?.message}>
              <Input {...form.register("ownerName")} />
            </Field>
            <Field label="Owner's email" htmlFor="op-owner-email" error={errors.ownerEmail?.message}>
              <Input type="email" {...form.register("ownerEmail")} />
            </Field>
            <Button type="submit" disabled={create.isPending}>
              Create club and set-up link
            </Button>
          </form>
          {created ? <InviteLink path={created.setupPath} name={created.name} expiresAt={created.expiresAt} /> : null}
        </CardContent>
      </Card>
      <AlertDialog open={confirming} onOpenChange={setConfirming}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Remove the demo club?</AlertDialogTitle>
            <AlertDialogDescription>
              {demo?.name} and everything in it (its demo staff, athletes and records) is deleted for good. No other club is touched.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Keep it</AlertDialogCancel>
            <AlertDialogAction
              onClick={(event) => {
                event.preventDefault();
                removeDemo.mutate();
              }}
            >
              Remove
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
