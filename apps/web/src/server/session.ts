import "server-only";
import { redirect } from "next/navigation";
import { actorFromSession } from "@loadline/auth";
import { homePathFor, type Actor, type Role } from "@loadline/domain";
import { auth } from "@/auth";

/** The signed-in actor, or a redirect to sign in. */
export async function requireActor(): Promise<Actor> {
  const actor = actorFromSession(await auth());
  if (!actor) redirect("/sign-in");
  return actor;
}

/** The signed-in actor with this role; anyone else goes to /forbidden (server-side check behind the proxy). */
export async function requireRole(role: Role, path: string): Promise<Actor> {
  const actor = await requireActor();
  if (actor.role !== role) redirect(`/forbidden?from=${encodeURIComponent(path)}&home=${encodeURIComponent(homePathFor(actor.role))}`);
  return actor;
}
