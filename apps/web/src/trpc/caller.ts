import "server-only";
import { createCaller } from "@loadline/api";
import { createContext } from "@/server/trpc-context";

/**
 * Call a procedure directly from a server component (for data that decides what page to render,
 * or a page rendered on the server alone). Kept apart from `./server`, which imports the client
 * providers for hydration: a layout or page importing that module ships them to the browser.
 */
export async function serverCaller() {
  return createCaller(await createContext());
}
