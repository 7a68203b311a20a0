import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { serverCaller } from "@/trpc/server";
import { SessionForm, type EditableSession } from "./session-form";

export const metadata: Metadata = { title: "Log a session" };

export default async function LogSessionPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  const { edit } = await searchParams;
  let editing: EditableSession | undefined;
  if (edit) {
    const log = await (await serverCaller()).athleteLogs.get({ id: edit });
    if (log.type !== "run" && log.editable) {
      editing = { ...log, type: log.type, minutes: log.minutes ?? 0, rpe: log.rpe ?? 0 };
    }
  }
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={editing ? "Edit session" : "Log a session"} description="Strength, cross-training or field work. Runs have their own form." />
      <SessionForm editing={editing} />
    </div>
  );
}
