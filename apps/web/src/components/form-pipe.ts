import { z } from "zod";

/**
 * The last step of a form's schema: what the form built is checked by the domain's schema and
 * each of its refusals is reported at the same path, so the form shows the domain's sentences at
 * the fields. Unlike `.pipe`, the form's output need not match the schema's input type exactly.
 */
export function checkedBy<Out>(schema: z.ZodType<Out>, value: unknown, ctx: z.RefinementCtx): Out {
  const checked = schema.safeParse(value);
  if (checked.success) return checked.data;
  for (const issue of checked.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  return z.NEVER;
}
