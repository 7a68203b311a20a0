"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { changeEmailSchema, changeNameSchema } from "@loadline/domain";
import { z } from "zod";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { Input } from "@loadline/ui/input";
import { toast } from "@loadline/ui/sonner";
import { InviteLink } from "@/components/invite-link";
import { downloadZip } from "@/lib/download";
import { applyServerErrors } from "@/lib/form-errors";
import { signOutAction } from "@/server/actions";
import { useTRPC } from "@/trpc/react";

const emailFormSchema = changeEmailSchema.extend({ currentPassword: z.string().min(1, "Enter your current password").max(200) });
type EmailForm = z.infer<typeof emailFormSchema>;

export function NameForm({ name }: { name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm<{ name: string }>({ resolver: zodResolver(changeNameSchema), defaultValues: { name } });
  const save = useMutation(
    trpc.account.changeName.mutationOptions({
      onSuccess: () => {
        toast.success("Name saved");
        router.refresh();
      },
      onError: (error) => applyServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  return (
    <form onSubmit={form.handleSubmit((values) => save.mutate(values))} className="grid gap-3" noValidate aria-label="Your name">
      <Field label="Your name" htmlFor="account-name" error={errors.name?.message ?? errors.root?.message}>
        <Input autoComplete="name" {...form.register("name")} />
      </Field>
      <Button type="submit" variant="outline" disabled={save.isPending}>
        Save name
      </Button>
    </form>
  );
}

/** A new email takes effect when its confirmation link is opened (shown here to copy). */
export function EmailForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const form = useForm<EmailForm>({ resolver: zodResolver(emailFormSchema), defaultValues: { email: "", currentPassword: "" } });
  const [link, setLink] = useState<{ confirmPath: string; expiresAt: Date; email: string } | null>(null);
  const request = useMutation(
    trpc.account.requestEmailChange.mutationOptions({
      onSuccess: (result) => {
        setLink(result);
        form.reset();
      },
      onError: (error) => applyServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  return (
    <div className="grid gap-3">
      <form onSubmit={form.handleSubmit((values) => request.mutate(values))} className="grid gap-3" noValidate aria-label="Change your email">
        {errors.root?.message ? (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{errors.root.message}</AlertDescription>
          </Alert>
        ) : null}
        <p className="text-sm text-muted-foreground">
          You sign in as <span className="font-medium text-foreground">{email}</span>.
        </p>
        <Field label="New email" htmlFor="new-email" error={errors.email?.message}>
          <Input type="email" autoComplete="email" {...form.register("email")} />
        </Field>
        <Field label="Current password" htmlFor="email-current-password" error={errors.currentPassword?.message}>
          <Input type="password" autoComplete="current-password" {...form.register("currentPassword")} />
        </Field>
        <Button type="submit" variant="outline" disabled={request.isPending}>
          Change email
        </Button>
      </form>
      {link ? (
        <div className="grid gap-2">
          <p className="text-sm">Until the link is opened you keep signing in with your current email.</p>
          <InviteLink kind="email" path={link.confirmPath} name={link.email} expiresAt={link.expiresAt} />
        </div>
      ) : null}
    </div>
  );
}

export function SignOutEverywhere() {
  const trpc = useTRPC();
  const [signingOut, startSignOut] = useTransition();
  const end = useMutation(
    trpc.account.signOutEverywhere.mutationOptions({
      onSuccess: () => startSignOut(() => signOutAction()),
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <div className="grid gap-2">
      <p className="text-sm text-muted-foreground">Lost a phone, or signed in on a shared computer? End every session, this one included.</p>
      <Button variant="outline" disabled={end.isPending || signingOut} onClick={() => end.mutate()}>
        Sign out of all devices
      </Button>
    </div>
  );
}

/** An athlete downloads everything Loadline holds about them (a ZIP of CSVs and a manifest). */
export function DownloadMyRecord() {
  const trpc = useTRPC();
  const download = useMutation(
    trpc.me.exportMine.mutationOptions({
      onSuccess: downloadZip,
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <div className="grid gap-2">
      <p className="text-sm text-muted-foreground">Everything your club holds about you in Loadline: your profile, logs, check-ins, questionnaires and plans.</p>
      <Button variant="outline" disabled={download.isPending} onClick={() => download.mutate()}>
        {download.isPending ? "Preparing…" : "Download my record (ZIP)"}
      </Button>
    </div>
  );
}
