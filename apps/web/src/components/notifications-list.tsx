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

/** The bell with the live count and the popover: reminders, then mentions, each linking to where it happened. */
function NotificationsList({ role, initialUnread, defaultOpen }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const calendar = useClubCalendar();
  const { data } = useQuery({ ...trpc.notifications.list.queryOptions(), refetchInterval: 60_000 });
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() }) }),
  );
  const reminders = data?.reminders ?? [];
  const unread = data ? data.unread + reminders.length : initialUnread;
  return (
    <Popover defaultOpen={defaultOpen}>
      <PopoverTrigger asChild>
        <NotificationsButton unread={unread} />
      </PopoverTrigger>
      <PopoverContent align="end" className="w-80">
        <div className="mb-2 flex items-center justify-between">
          <h2 className="text-sm font-semibold">Notifications</h2>
          {(data?.unread ?? 0) > 0 ? (
            <Button variant="link" size="sm" className="h-auto p-0" onClick={() => markRead.mutate({})}>
              Mark all read
            </Button>
          ) : null}
        </div>
        {!data || (data.rows.length === 0 && reminders.length === 0) ? <p className="text-sm text-muted-foreground">Nothing new.</p> : null}
        <ul className="grid gap-2">
          {reminders.map((r) => (
            <li key={r.kind} className="text-sm font-medium">
              <Link href={r.href} className="underline-offset-4 hover:underline">
                {r.message}
              </Link>
            </li>
          ))}
          {data?.rows.map((n) => (
            <li key={n.id} className={n.readAt ? "text-sm text-muted-foreground" : "text-sm font-medium"}>
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
