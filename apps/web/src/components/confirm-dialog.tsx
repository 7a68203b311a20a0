"use client";
import type { ReactElement } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@loadline/ui/alert-dialog";
import { buttonVariants } from "@loadline/ui/button";

interface ConfirmDialogProps {
  title: string;
  /** What happens, in a sentence, so the person knows what they confirm. */
  description: string;
  confirmLabel: string;
  cancelLabel?: string;
  /** A destructive action gets the red button. */
  destructive?: boolean;
  onConfirm: () => void;
  /** The button that opens the dialog; without it, pass `open`/`onOpenChange`. */
  trigger?: ReactElement;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

/** One confirmation for every destructive or unusual action: a question, what it does, and a way back. */
export function ConfirmDialog({ title, description, confirmLabel, cancelLabel = "Cancel", destructive = false, onConfirm, trigger, open, onOpenChange }: ConfirmDialogProps) {
  const controlled = open === undefined ? {} : { open, ...(onOpenChange ? { onOpenChange } : {}) };
  return (
    <AlertDialog {...controlled}>
      {trigger ? <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger> : null}
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{cancelLabel}</AlertDialogCancel>
          <AlertDialogAction className={destructive ? buttonVariants({ variant: "destructive" }) : undefined} onClick={onConfirm}>
            {confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
