/** A text field of a submitted form; a missing field or a file reads as empty. */
export function textOf(value: FormDataEntryValue | null): string {
  return typeof value === "string" ? value : "";
}
