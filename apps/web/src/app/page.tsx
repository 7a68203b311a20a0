import { redirect } from "next/navigation";
import { actorFromSession } from "@loadline/auth";
import { homePathFor } from "@loadline/domain";
import { auth } from "@/auth";

/** The front door: each role lands on its own home page. */
export default async function Home() {
  const actor = actorFromSession(await auth());
  redirect(actor ? homePathFor(actor.role) : "/sign-in");
}
