import { redirect } from "next/navigation";
import { homePathFor } from "@loadline/domain";
import { currentActor } from "@/server/session";

/** The front door: each role lands on its own home page. */
export default async function Home() {
  const actor = await currentActor();
  redirect(actor ? homePathFor(actor.role) : "/sign-in");
}
