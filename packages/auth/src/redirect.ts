/**
 * Where Auth.js may send someone after signing in or out: a path on this site, never another
 * origin and never a script URL (`callbackUrl=javascript:...`). Anything else goes home.
 * Never throws: a malformed callbackUrl must not turn into a 500.
 */
export function safeRedirect(url: string, baseUrl: string): string {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return "/";
  }
  try {
    // "//evil.example" and "/\evil.example" are protocol-relative in browsers.
    if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) {
      const target = new URL(url, base);
      if (target.origin === base.origin) return target.href;
      return base.href;
    }
    const target = new URL(url);
    return target.origin === base.origin && (target.protocol === "https:" || target.protocol === "http:") ? target.href : base.href;
  } catch {
    return base.href;
  }
}

const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/** Whether `url` is a destination on this site that safeRedirect would keep as it is. */
function isSameSite(url: string, origin: string): boolean {
  try {
    return safeRedirect(url, origin) === new URL(url, origin).href;
  } catch {
    return false;
  }
}

/**
 * Auth.js answers a `callbackUrl` it does not like (`javascript:alert(1)`) with a 500 error page
 * before any callback runs. So the request is cleaned first: an unsafe callbackUrl parameter
 * becomes this site's home, and an unsafe callback-url cookie is dropped.
 */
export async function withSafeCallbackUrl(request: Request): Promise<Request> {
  const url = new URL(request.url);
  const param = url.searchParams.get("callbackUrl");
  const unsafeParam = param !== null && !isSameSite(param, url.origin);
  const cookies = (request.headers.get("cookie") ?? "").split(";").map((c) => c.trim()).filter(Boolean);
  const kept = cookies.filter((cookie) => {
    const [name = "", ...rest] = cookie.split("=");
    if (!CALLBACK_COOKIES.includes(name)) return true;
    try {
      return isSameSite(decodeURIComponent(rest.join("=")), url.origin);
    } catch {
      return false;
    }
  });
  if (!unsafeParam && kept.length === cookies.length) return request;
  if (unsafeParam) url.searchParams.set("callbackUrl", safeRedirect(param, url.origin));
  const headers = new Headers(request.headers);
  if (kept.length > 0) headers.set("cookie", kept.join("; "));
  else headers.delete("cookie");
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return new Request(url, { method: request.method, headers, body });
}
