// Makes `pnpm start` work on a fresh clone: Auth.js needs a secret to sign sessions.
// Writes a random AUTH_SECRET into apps/web/.env.local (git-ignored) once, unless one is set.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const file = new URL("../.env.local", import.meta.url);
const current = existsSync(file) ? readFileSync(file, "utf8") : "";
if (!process.env.AUTH_SECRET && !/^AUTH_SECRET=/m.test(current)) {
  const line = `AUTH_SECRET=${randomBytes(32).toString("base64url")}\n`;
  writeFileSync(file, current + (current && !current.endsWith("\n") ? "\n" : "") + line);
  console.log("Created apps/web/.env.local with a random AUTH_SECRET.");
}
