import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Path, Resolver, UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { formErrorMap, type FieldLabels } from "@loadline/domain";

interface ServerError {
  message: string;
  data?: { fieldErrors?: Record<string, string[]> | null } | null;
}

const connectionLost = "Could not reach Loadline. Check your connection and try again.";

/**
 * The form's resolver: the domain's schema checks every field at once, and the few checks zod
 * words itself are worded with the form's labels (see `formErrorMap` in the domain).
 */
export function labelledResolver<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
  labels: FieldLabels,
): Resolver<Input, unknown, Output> {
  // The resolver's generics are wider than one schema's; the schema fixes them here.
  return zodResolver(schema as never, { error: formErrorMap(labels) }) as unknown as Resolver<Input, unknown, Output>;
}

/**
 * Put every field error of an API answer next to its field, each with its sentence, and
 * anything no field shows at the top of the form. The form keeps every value typed.
 * @param fields where a server key is shown when the form names it differently ({ at: "date" })
 */
export function applyServerErrors<T extends FieldValues, Output = T>(form: UseFormReturn<T, unknown, Output>, error: ServerError, fields: Readonly<Record<string, Path<T>>> = {}): void {
  const fieldErrors = error.data?.fieldErrors;
  const values = form.getValues() as Record<string, unknown>;
  const unplaced: string[] = [];
  let placed = false;
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    const message = messages[0];
    if (!message) continue;
    const target = fields[key] ?? matchField(key, values);
    if (target) {
      form.setError(target as Path<T>, { type: "server", message }, { shouldFocus: !placed });
      placed = true;
    } else {
      unplaced.push(message);
    }
  }
  if (!placed || unplaced.length > 0) {
    const text = unplaced.length > 0 ? unplaced.join(" ") : error.message.includes("fetch") ? connectionLost : error.message;
    form.setError("root", { type: "server", message: text });
  }
}

/** The form field a server key belongs to: itself, its top-level object, or the key below a wrapper ("episode.side" -> "side"). */
function matchField(key: string, values: Record<string, unknown>): string | null {
  if (key in values) return key;
  const parts = key.split(".");
  const top = parts[0] ?? key;
  if (top in values) return top;
  const inner = parts.slice(1).join(".");
  if (inner && inner in values) return inner;
  return null;
}

/** Field errors of an API answer, one sentence per field key, for forms kept in plain state. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  const data = (error as { data?: { fieldErrors?: Record<string, string[]> | null } | null } | null)?.data;
  const out: Record<string, string> = {};
  for (const [key, messages] of Object.entries(data?.fieldErrors ?? {})) if (messages[0]) out[key] = messages[0];
  return out;
}
