"use client";
import { useEffect, useState, type ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@loadline/ui/card";

/** Ticks are a personal checklist for today, kept on this device (the log is what counts clinically). */
function useTicks(day: string): [Set<string>, (id: string) => void] {
  const key = `loadline:ticks:${day}`;
  const [ticks, setTicks] = useState<Set<string>>(new Set());
  useEffect(() => {
    const stored = window.localStorage.getItem(key);
    if (stored) setTicks(new Set(JSON.parse(stored) as string[]));
  }, [key]);
  const toggle = (id: string) =>
    setTicks((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      window.localStorage.setItem(key, JSON.stringify([...next]));
      return next;
    });
  return [ticks, toggle];
}

/** One exercise of the checklist; `guide` (image, how-to, video link) is rendered on the server. */
export interface ChecklistItem {
  id: string;
  exercise: string;
  dose: string;
  guide?: ReactNode;
}

/** Today's exercises as a checklist with its count ("2 of 4 ticked"); `children` end the card. */
export function ExerciseChecklist({ day, items, children }: { day: string; items: ChecklistItem[]; children: ReactNode }) {
  const [ticks, toggle] = useTicks(day);
  const done = items.filter((p) => ticks.has(p.id)).length;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Today&apos;s exercises</h2>
        </CardTitle>
        <CardDescription>{items.length > 0 ? `${done} of ${items.length} ticked` : "Your physio has not added exercises yet."}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-2">
        <ul className="grid gap-2">
          {items.map((p) => (
            <li key={p.id}>
              <label className="flex min-h-14 cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 has-[:checked]:bg-accent">
                <input type="checkbox" className="size-6 shrink-0 accent-primary" checked={ticks.has(p.id)} onChange={() => toggle(p.id)} />
                <span className="grid">
                  <span className="font-medium">{p.exercise}</span>
                  <span className="text-sm text-muted-foreground">{p.dose}</span>
                </span>
              </label>
              {p.guide}
            </li>
          ))}
        </ul>
        {children}
      </CardContent>
    </Card>
  );
}
