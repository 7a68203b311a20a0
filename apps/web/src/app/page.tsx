import { redirect } from "next/navigation";
import { homePathFor } from "@loadline/domain";
import { currentActor } from "@/server/session";
import { serverCaller } from "@/trpc/caller";

/** The front door: each role lands on its own home page; an instance without a club sets one up. */
export default async function Home() {
  const actor = await currentActor();
  if (actor) redirect(homePathFor(actor.role));
  const status = await (await serverCaller()).setup.status();
  redirect(status.needsSetup ? "/setup" : "/sign-in");
}
