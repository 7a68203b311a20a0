/**
 * The security headers of every response, as data, so they are unit-tested without a server
 * (apps/web/test/security-headers.test.ts). proxy.ts applies them.
 */

export interface HeaderOptions {
  /** The per-request script nonce (pages only). */
  nonce: string;
  /** Served over HTTPS (directly or behind a TLS-terminating proxy): only then HSTS. */
  https: boolean;
  /** `next dev` evaluates code with eval() for fast refresh; production never does. */
  dev: boolean;
  /** Health data or a signed-in page: nothing may keep a copy. */
  noStore: boolean;
}

/**
 * Content Security Policy after the Next.js "Content Security Policy" guide: scripts only with
 * this request's nonce, and `'strict-dynamic'` so the scripts Next loads from them run too.
 * Styles allow inline because Recharts, sonner and the chart theme set inline styles (a nonce
 * in style-src would make browsers ignore 'unsafe-inline').
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  const { dev, https } = options;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    // The athlete app's service worker (/serwist/sw.js). Named, because 'strict-dynamic' in
    // script-src, which workers fall back to, ignores 'self'.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain HTTP (local runs, e2e) upgrading would break every subresource.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers that never vary by request (also sent on Next's static files, see next.config.ts). */
export const staticSecurityHeaders: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "X-Frame-Options": "DENY",
};

export function securityHeaders(options: HeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options.nonce, options),
    ...staticSecurityHeaders,
    ...(options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
    ...(options.noStore ? { "Cache-Control": "no-store" } : {}),
  };
}

/** A fresh nonce: 128 random bits, base64 (what CSP expects). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** Whether the browser reached us over HTTPS, also when a proxy terminated TLS. */
export function servedOverHttps(url: URL, headers: Headers): boolean {
  return url.protocol === "https:" || headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/**
 * The tRPC endpoint's headers, the same for every answer (next.config.ts sets them; the proxy
 * skips the endpoint: it has no page to route, and running it cost 1.5 ms of every API call).
 * Answers are JSON: nothing in them may load or frame anything. The handler itself sends
 * no-store. HSTS always: browsers ignore it over plain HTTP.
 */
export const apiSecurityHeaders: Readonly<Record<string, string>> = {
  ...staticSecurityHeaders,
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
};

/** Pages behind sign-in and every API answer. */
export function needsNoStore(pathname: string): boolean {
  return /^\/(coach|physio|me|api|operator|account)(\/|$)/.test(pathname);
}
