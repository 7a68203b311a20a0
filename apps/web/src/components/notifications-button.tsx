import { Bell } from "lucide-react";
import type { ComponentProps } from "react";
import { Button } from "@loadline/ui/button";

/** The bell with the unread count; the same button before and after the list has loaded. */
export function NotificationsButton({ unread, ...props }: { unread: number } & ComponentProps<typeof Button>) {
  return (
    <Button variant="ghost" size="sm" aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"} aria-haspopup="dialog" {...props}>
      <Bell aria-hidden className="size-4" />
      {unread > 0 ? <span className="ml-1 rounded-full bg-primary px-1.5 text-xs text-primary-foreground">{unread}</span> : null}
    </Button>
  );
}
