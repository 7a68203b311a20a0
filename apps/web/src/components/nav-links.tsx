"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@loadline/ui/lib/utils";

export interface NavItem {
  href: string;
  label: string;
  /** Active only on exactly this path (e.g. a section's home, whose sub-pages have their own items). */
  exact?: boolean;
}

/** Whether an item is the page shown or one of its sub-pages. */
export const isActive = (item: NavItem, pathname: string) => pathname === item.href || (!item.exact && pathname.startsWith(`${item.href}/`));

/**
 * The two ways a section's one list of items is drawn: in the header (a row of links), and for
 * athletes on a phone fixed at the bottom with big targets (hidden from sm up, where the header
 * has it).
 */
const placements = {
  header: {
    label: "Main",
    nav: undefined,
    list: "flex gap-1 whitespace-nowrap",
    link: "inline-block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap text-muted-foreground hover:bg-accent hover:text-accent-foreground focus-visible:outline-2 focus-visible:outline-ring",
  },
  bottom: {
    label: "Sections",
    nav: "fixed inset-x-0 bottom-0 z-40 border-t bg-card pb-[env(safe-area-inset-bottom)] sm:hidden",
    list: "grid",
    link: "flex h-14 items-center justify-center px-0.5 text-xs font-medium text-muted-foreground focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring",
  },
} as const;

/** A section's navigation; the current page is marked with aria-current. */
export function NavLinks({ items, placement = "header" }: { items: NavItem[]; placement?: keyof typeof placements }) {
  const pathname = usePathname();
  const style = placements[placement];
  return (
    <nav aria-label={style.label} className={style.nav}>
      <ul className={style.list} style={placement === "bottom" ? { gridTemplateColumns: `repeat(${items.length}, minmax(0, 1fr))` } : undefined}>
        {items.map((item) => {
          const active = isActive(item, pathname);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={active ? "page" : undefined} className={cn(style.link, active && "bg-accent text-accent-foreground")}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
