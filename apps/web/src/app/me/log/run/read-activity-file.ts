import type { ReadReply, ReadRequest } from "./read-reply";

/**
 * Read a watch file in a Web Worker, so a large file never freezes the form. Where a worker
 * cannot be started (an old browser, a blocked script), the file is read on the page instead:
 * slower for a large file, but the athlete still gets the import.
 */
export async function readActivityFile(file: File): Promise<ReadReply> {
  const bytes = await file.arrayBuffer();
  // Loaded only when needed, so the parsers stay out of the page's own bundle.
  const onPage = async () => (await import("./read-reply")).readReply(file.name, new Uint8Array(bytes));
  if (typeof Worker === "undefined") return onPage();
  let worker: Worker;
  try {
    // The bundler (Turbopack or webpack) bundles the worker from this exact `new URL` form; a
    // classic worker, as the bundle it emits loads its chunks with importScripts.
    worker = new Worker(new URL("./read-activity.worker.ts", import.meta.url));
  } catch {
    return onPage();
  }
  return new Promise<ReadReply>((resolve) => {
    worker.onmessage = (event: MessageEvent<ReadReply>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = () => {
      worker.terminate();
      void onPage().then(resolve);
    };
    const request: ReadRequest = { name: file.name, bytes };
    worker.postMessage(request);
  });
}
