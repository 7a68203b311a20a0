/**
 * How much of a long text field is used ("120 / 5,000"), announced politely to screen readers
 * only when close to the limit, so typing is not interrupted on every key.
 */
export function CharacterCount({ value, max, id }: { value: string; max: number; id?: string }) {
  const used = value.length;
  const near = used >= max * 0.9;
  return (
    <span id={id} className={near ? "block text-xs font-medium text-destructive" : "block text-xs text-muted-foreground"} aria-live={near ? "polite" : "off"}>
      {used.toLocaleString("en-GB")} / {max.toLocaleString("en-GB")} characters
    </span>
  );
}
