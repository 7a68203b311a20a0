import type { ReactNode } from "react";
import { Badge } from "@loadline/ui/badge";

/**
 * The naming cell of a row: the name, then what marks it (an "Archived" badge, "(owner)",
 * "(yours)"). Used by the staff, squads and operator tables.
 */
export function NameCell({ name, badge, note }: { name: ReactNode; badge?: string | false | null; note?: string | false | null }) {
  return (
    <>
      {name}
      {badge ? (
        <Badge variant="secondary" className="ml-2">
          {badge}
        </Badge>
      ) : null}
      {note ? <span className="ml-2 text-xs font-normal text-muted-foreground">({note})</span> : null}
    </>
  );
}

/** Whether a person can sign in yet: their account is active, or their invite is still open. */
export function AccountBadge({ active }: { active: boolean }) {
  return active ? <Badge variant="secondary">Active</Badge> : <Badge variant="amber">Invite pending</Badge>;
}

/** The buttons at the end of a row, right-aligned, wrapping on narrow screens. */
export function RowActions({ children }: { children: ReactNode }) {
  return <div className="flex flex-wrap justify-end gap-2">{children}</div>;
}

/** The header of the actions column: named for screen readers, blank on screen. */
export const actionsHeader = () => <span className="sr-only">Actions</span>;
