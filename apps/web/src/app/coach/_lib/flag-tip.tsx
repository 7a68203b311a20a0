"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";


interface Tip {
  lines: string[];
  top: number;
  left: number;
  /** Above the badge when there is no room below it. */
  above: boolean;
}

const GAP_PX = 6;
const TIP_MAX_WIDTH_PX = 320;

function tipFor(trigger: HTMLElement): Tip {
  const rect = trigger.getBoundingClientRect();
  const lines = (trigger.dataset.flagTip ?? "").split("\n").filter(Boolean);
  const above = rect.bottom + 120 > window.innerHeight && rect.top > 120;
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - TIP_MAX_WIDTH_PX - 8));
  return { lines, left, above, top: above ? rect.top - GAP_PX : rect.bottom + GAP_PX };
}

/**
 * One tip for every flag badge (an element with `data-flag-tip`, its sentences one per line) inside its children (a table may hold hundreds of them): it
 * follows hover and keyboard focus through delegated listeners, so no badge hydrates a tooltip
 * of its own. The badge's accessible name already carries the sentences, so the tip is visual
 * only. It stays while the pointer is over it and closes with Escape (WCAG 1.4.13).
 */
export function FlagTipArea({ children, className }: { children: ReactNode; className?: string }) {
  const areaRef = useRef<HTMLDivElement>(null);
  const overTip = useRef(false);
  const [tip, setTip] = useState<Tip | null>(null);

  useEffect(() => {
    const area = areaRef.current;
    if (!area) return;
    let closeTimer: number | undefined;
    const triggerOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>("[data-flag-tip]") : null);
    const open = (event: Event) => {
      const trigger = triggerOf(event.target);
      if (!trigger) return;
      window.clearTimeout(closeTimer);
      setTip(tipFor(trigger));
    };
    // A short grace period lets the pointer move from the badge onto the tip.
    const close = (event: Event) => {
      if (!triggerOf(event.target)) return;
      window.clearTimeout(closeTimer);
      closeTimer = window.setTimeout(() => {
        if (!overTip.current) setTip(null);
      }, 120);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === "Escape") setTip(null);
    };
    const hide = () => setTip(null);
    area.addEventListener("pointerover", open);
    area.addEventListener("focusin", open);
    area.addEventListener("pointerout", close);
    area.addEventListener("focusout", close);
    document.addEventListener("keydown", escape);
    // The tip is placed against the window: a scroll moves the badge away from it.
    document.addEventListener("scroll", hide, true);
    return () => {
      window.clearTimeout(closeTimer);
      area.removeEventListener("pointerover", open);
      area.removeEventListener("focusin", open);
      area.removeEventListener("pointerout", close);
      area.removeEventListener("focusout", close);
      document.removeEventListener("keydown", escape);
      document.removeEventListener("scroll", hide, true);
    };
  }, []);

  return (
    <div ref={areaRef} className={className}>
      {children}
      {tip && tip.lines.length > 0 ? (
        <div
          aria-hidden="true"
          data-testid="flag-tip"
          className="fixed z-50 w-max max-w-xs rounded-md bg-foreground px-3 py-1.5 text-xs text-balance text-background shadow-md"
          style={{ top: tip.top, left: tip.left, transform: tip.above ? "translateY(-100%)" : undefined }}
          onPointerEnter={() => {
            overTip.current = true;
          }}
          onPointerLeave={() => {
            overTip.current = false;
            setTip(null);
          }}
        >
          {tip.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
