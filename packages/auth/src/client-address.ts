import { isIP } from "node:net";

/**
 * The client's address for sign-in throttling, or null when it cannot be known.
 *
 * Behind a trusted reverse proxy (`LOADLINE_TRUSTED_PROXY=true`), the proxy appends the address it
 * saw to `X-Forwarded-For`, so the right-most entry is the client. Without one, Next.js gives
 * route handlers no socket address: it copies the socket address into `X-Forwarded-For` only when
 * the client sent no such header, so the header may be forged. Then no address is used and only
 * the per-account limit applies (a forged address must not lock out someone else's).
 */
export function clientAddress(requestHeaders: Pick<Headers, "get">, trustedProxy: boolean): string | null {
  if (!trustedProxy) return null;
  const entries = (requestHeaders.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim());
  const last = entries.at(-1) ?? "";
  return isIP(last) ? last : null;
}
