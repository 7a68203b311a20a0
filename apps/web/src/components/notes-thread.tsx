"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { formatInClubTime, noteInputSchema, noteVisibilityLabels, type NoteInput } from "@loadline/domain";
import { Alert, AlertDescription } from "@loadline/ui/alert";
import { Badge } from "@loadline/ui/badge";
import { Button } from "@loadline/ui/button";
import { Field } from "@loadline/ui/field";
import { NativeSelect, NativeSelectOption } from "@loadline/ui/native-select";
import { Textarea } from "@loadline/ui/textarea";
import { applyServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/react";
import { useClubCalendar } from "./club-calendar";

const roleWords: Record<string, string> = { coach: "Coach", physio: "Physio", athlete: "Athlete" };

/**
 * The notes about one athlete, as the reader may see them (the API leaves out what the role may
 * not read), with a form for staff. "@Full Name" mentions a colleague, who is notified.
 */
export function NotesThread({ athleteId }: { athleteId?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const calendar = useClubCalendar();
  const input = athleteId ? { athleteId } : {};
  const { data } = useSuspenseQuery(trpc.notes.thread.queryOptions(input));
  const canWrite = data.writable.length > 0;
  const form = useForm<NoteInput>({
    resolver: zodResolver(noteInputSchema),
    defaultValues: { visibility: data.writable[0] ?? "staff", body: "" },
  });
  const add = useMutation(
    trpc.notes.add.mutationOptions({
      onSuccess: async () => {
        form.reset({ visibility: form.getValues("visibility"), body: "" });
        await queryClient.invalidateQueries({ queryKey: trpc.notes.thread.queryKey(input) });
      },
      onError: (error) => applyServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;

  return (
    <section aria-labelledby="notes-heading" className="grid gap-4">
      <h2 id="notes-heading" className="text-lg font-semibold">
        {canWrite ? "Notes" : "Notes from your coach and physio"}
      </h2>
      {data.notes.length === 0 ? <p className="text-sm text-muted-foreground">No notes yet.</p> : null}
      <ol className="grid gap-3" aria-label="Notes">
        {data.notes.map((note) => (
          <li key={note.id} className="rounded-lg border bg-card p-3">
            <div className="mb-1 flex flex-wrap items-center gap-2 text-sm">
              <span className="font-medium">{note.authorName}</span>
              <span className="text-muted-foreground">{roleWords[note.authorRole] ?? note.authorRole}</span>
              <time className="text-muted-foreground" dateTime={note.createdAt.toISOString()}>
                {formatInClubTime(note.createdAt, calendar)}
              </time>
              {canWrite ? <Badge variant={note.visibility === "clinical" ? "rehab" : "outline"}>{noteVisibilityLabels[note.visibility]}</Badge> : null}
            </div>
            <p className="whitespace-pre-wrap text-sm">{note.body}</p>
          </li>
        ))}
      </ol>
      {canWrite ? (
        <form
          className="grid max-w-2xl gap-3"
          noValidate
          onSubmit={form.handleSubmit((values) => add.mutate({ ...values, athleteId: data.athlete.id }))}
        >
          {errors.root?.message ? (
            <Alert variant="destructive" role="alert">
              <AlertDescription>{errors.root.message}</AlertDescription>
            </Alert>
          ) : null}
          <Field label="New note" htmlFor="note-body" description="Mention a colleague with @ and their full name to notify them." error={errors.body?.message} required>
            <Textarea rows={3} {...form.register("body")} />
          </Field>
          <Field label="Who may read it" htmlFor="note-visibility" error={errors.visibility?.message}>
            <NativeSelect {...form.register("visibility")}>
              {data.writable.map((v) => (
                <NativeSelectOption key={v} value={v}>
                  {noteVisibilityLabels[v]}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Button type="submit" className="justify-self-start" disabled={add.isPending}>
            {add.isPending ? "Saving…" : "Add note"}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
