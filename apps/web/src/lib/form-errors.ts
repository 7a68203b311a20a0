import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

interface ServerError {
  message: string;
  data?: { fieldErrors?: Record<string, string[]> | null } | null;
}

/**
 * Put the API's field errors next to their fields, and anything else at the top of the
 * form. The form keeps every value typed.
 */
export function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T>, error: ServerError): void {
  const fieldErrors = error.data?.fieldErrors;
  const values = form.getValues() as Record<string, unknown>;
  let placed = false;
  if (fieldErrors) {
    for (const [field, messages] of Object.entries(fieldErrors)) {
      const top = field.split(".")[0] ?? field;
      if (top in values && messages[0]) {
        form.setError(top as Path<T>, { type: "server", message: messages[0] }, { shouldFocus: !placed });
        placed = true;
      }
    }
  }
  if (!placed) {
    form.setError("root", {
      type: "server",
      message: error.message.includes("fetch") ? "Could not reach Loadline. Check your connection and try again." : error.message,
    });
  }
}
