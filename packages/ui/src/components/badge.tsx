import * as React from "react";
import { Slot } from "radix-ui";
import { cva, type VariantProps } from "class-variance-authority";

import { cn } from "../lib/utils";

/*
 * Status variants use the semantic theme tokens from globals.css. Soft variants (tinted
 * background + dark text) are calm enough for dense tables; `escalate` is solid because it
 * is the strongest signal. Every text/background pair meets WCAG AA (>= 4.5:1) in light and
 * dark mode. Never rely on colour alone: always keep a text label in the badge.
 */
const badgeVariants = cva(
  "inline-flex w-fit shrink-0 items-center justify-center gap-1 overflow-hidden rounded-md border px-2 py-0.5 text-xs font-medium whitespace-nowrap transition-[color,box-shadow] focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-invalid:border-destructive aria-invalid:ring-destructive/20 dark:aria-invalid:ring-destructive/40 [&>svg]:pointer-events-none [&>svg]:size-3",
  {
    variants: {
      variant: {
        default: "border-transparent bg-primary text-primary-foreground [a&]:hover:bg-primary-hover",
        secondary:
          "border-transparent bg-secondary text-secondary-foreground [a&]:hover:bg-secondary/90",
        destructive:
          "border-transparent bg-destructive text-destructive-foreground focus-visible:ring-destructive/20 dark:focus-visible:ring-destructive/40 [a&]:hover:bg-destructive-hover",
        outline: "text-foreground [a&]:hover:bg-accent [a&]:hover:text-accent-foreground",

        // Severity (alerts / flags)
        info: "border-severity-info/30 bg-severity-info-soft text-severity-info-soft-foreground",
        amber: "border-severity-amber/50 bg-severity-amber-soft text-severity-amber-soft-foreground",
        red: "border-severity-red/30 bg-severity-red-soft text-severity-red-soft-foreground",
        escalate:
          "border-transparent bg-severity-escalate font-semibold text-severity-escalate-foreground",

        // Load / pain zones
        "zone-green": "border-zone-green/30 bg-zone-green-soft text-zone-green-soft-foreground",
        "zone-amber": "border-zone-amber/50 bg-zone-amber-soft text-zone-amber-soft-foreground",
        "zone-red": "border-zone-red/30 bg-zone-red-soft text-zone-red-soft-foreground",

        // Athlete availability
        available:
          "border-availability-available/30 bg-availability-available-soft text-availability-available-soft-foreground",
        modified:
          "border-availability-modified/50 bg-availability-modified-soft text-availability-modified-soft-foreground",
        rehab:
          "border-availability-rehab/30 bg-availability-rehab-soft text-availability-rehab-soft-foreground",
        unavailable:
          "border-availability-unavailable/30 bg-availability-unavailable-soft text-availability-unavailable-soft-foreground",
      },
    },
    defaultVariants: {
      variant: "default",
    },
  },
);

type BadgeVariant = NonNullable<VariantProps<typeof badgeVariants>["variant"]>;

type BadgeProps = React.ComponentProps<"span"> &
  VariantProps<typeof badgeVariants> & {
    asChild?: boolean;
  };

function Badge({ className, variant, asChild = false, ...props }: BadgeProps) {
  const Comp = asChild ? Slot.Root : "span";

  return (
    <Comp
      data-slot="badge"
      data-variant={variant ?? "default"}
      className={cn(badgeVariants({ variant }), className)}
      {...props}
    />
  );
}

export { Badge, badgeVariants, type BadgeProps, type BadgeVariant };
