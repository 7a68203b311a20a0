"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import type { Role } from "@loadline/domain";
import { formatInClubTime } from "@loadline/domain";
import { Button } from "@loadline/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@loadline/ui/popover";
import { TRPCReactProvider, useTRPC } from "@/trpc/react";
import { useClubCalendar } from "./club-calendar";
import { NotificationsButton } from "./notifications-button";

const athletePage: Record<Role, (id: string) => string> = {
  coach: (id) => `/coach/athletes/${id}`,
  physio: (id) => `/physio/athletes/${id}`,
  athlete: () => "/me/notes",
};

interface Props {
  role: Role;
  /** The count the server rendered, shown until the first answer. */
  initialUnread: number;
  defaultOpen: boolean;
}

/** The notifications popover with its own API client (the page may have none). */
export default function NotificationsLive(props: Props) {
  return (
    <TRPCReactProvider>
      <NotificationsList {...props} />
    </TRPCReactProvider>
  );
}

const severityWords = { info: "Info", amber: "Amber", red: "Red", escalate: "Medical review" } as const;

const alertPage: Record<Role, (id: string) => string> = {
  coach: () => "/coach/alerts",
  physio: (id) => `/physio/athletes/${id}`,
  athlete: () => "/me",
};

/**
 * The bell with the live count and the notification centre: an athlete's reminders (morning
 * check-in, VISA-H due), a staff member's new alerts, and mentions in notes; each read or
 * unread, with "mark all read", each linking to where it happened.
 */
function NotificationsList({ role, initialUnread, defaultOpen }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const calendar = useClubCalendar();
  const { data } = useQuery({ ...trpc.notifications.list.queryOptions(), refetchInterval: 60_000 });
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() }) }),
  );
  const reminders = data?.reminders ?? [];
  const alerts = data?.alerts ?? [];
  const unread = data ? data.unreadTotal : initialUnread;
  const empty = !data || (data.rows.length === 0 && reminders.length === 0 && alerts.length === 0);
  const tone = (read: boolean) => (read ? "text-sm text-muted-foreground" : "text-sm font-medium");
  const unreadMark = (read: boolean) => (read ? null : <span className="sr-only">Unread: </span>);
  return (
    <Popover defaultOpen={defaultOpen}>
      <PopoverTrigger asChild>
        <NotificationsButton unread={unread} />
      </PopoverTrigger>
      <PopoverContent align="end" className="max-h-[70vh] w-80 overflow-y-auto">
        <div className="mb-2 flex items-center justify-between">
          <h2 className="text-sm font-semibold">Notifications</h2>
          {unread > 0 ? (
            <Button variant="link" size="sm" className="h-auto p-0" onClick={() => markRead.mutate({})}>
              Mark all read
            </Button>
          ) : null}
        </div>
        {empty ? <p className="text-sm text-muted-foreground">Nothing new.</p> : null}
        <ul className="grid gap-2" aria-label="Notifications">
          {reminders.map((r) => (
            <li key={r.kind} className={tone(r.read)} data-read={r.read}>
              {unreadMark(r.read)}
              <Link href={r.href} onClick={() => !r.read && markRead.mutate({ reminderKinds: [r.kind] })} className="underline-offset-4 hover:underline">
                {r.message}
              </Link>
            </li>
          ))}
          {alerts.map((a) => (
            <li key={a.alertId} className={tone(a.read)} data-read={a.read}>
              {unreadMark(a.read)}
              <Link href={alertPage[role](a.athleteId)} onClick={() => !a.read && markRead.mutate({ alertIds: [a.alertId] })} className="underline-offset-4 hover:underline">
                {severityWords[a.severity]} alert: {a.message}
              </Link>
              <div className="text-xs text-muted-foreground">{formatInClubTime(a.raisedAt, calendar)}</div>
            </li>
          ))}
          {data?.rows.map((n) => (
            <li key={n.id} className={tone(n.readAt !== null)} data-read={n.readAt !== null}>
              {unreadMark(n.readAt !== null)}
              {n.athleteId ? (
                <Link href={athletePage[role](n.athleteId)} onClick={() => !n.readAt && markRead.mutate({ ids: [n.id] })} className="underline-offset-4 hover:underline">
                  {n.message}
                </Link>
              ) : (
                n.message
              )}
              <div className="text-xs text-muted-foreground">{formatInClubTime(n.createdAt, calendar)}</div>
            </li>
          ))}
        </ul>
      </PopoverContent>
    </Popover>
  );
}
