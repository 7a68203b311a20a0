/** At most this many procedure calls in one batched request (the client batches up to the same). */
export const MAX_BATCH_SIZE = 10;
/** The largest request body the API reads: generous for a plan with 40 prescriptions. */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * The request body, read up to `limit` bytes: null when it is larger. Content-Length is
 * checked first, but a chunked body has none, so the stream itself is counted.
 */
export async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
