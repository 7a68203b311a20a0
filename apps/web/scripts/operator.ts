import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { hashPassword } from "@loadline/auth/password";
import { getDatabase, upsertOperator } from "@loadline/db";
import { emailSchema, nameText, passwordSchema } from "@loadline/domain";
import { readScriptEnv } from "./script-env";

// pnpm operator:create --email ops@example.org [--name "Ops"]
// Creates an instance operator (or gives an existing one a new password, ending their sessions).
// The password is LOADLINE_OPERATOR_PASSWORD when set, otherwise a random one printed once.
// Operators sign in at /operator/sign-in. On the embedded database stop the app first.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { email: { type: "string" }, name: { type: "string" } },
});
const input = z
  .object({ email: emailSchema, name: nameText("name"), password: passwordSchema.optional() })
  .safeParse({ email: values.email, name: values.name ?? "Operator", password: readScriptEnv().LOADLINE_OPERATOR_PASSWORD });
if (!input.success) {
  for (const issue of input.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
  console.error('Usage: pnpm operator:create --email ops@example.org [--name "Ops"]');
  process.exit(2);
}
const password = input.data.password ?? randomBytes(15).toString("base64url");
const handle = await getDatabase();
try {
  await upsertOperator(handle.db, { email: input.data.email, name: input.data.name, passwordHash: await hashPassword(password) });
  console.log(`Operator ${input.data.email} can sign in at /operator/sign-in.`);
  if (!input.data.password) console.log(`Password (shown once): ${password}`);
} finally {
  await handle.close();
}
