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
