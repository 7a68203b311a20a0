/**
 * Whether a request was sent by another site's page (cross-site request forgery). Browsers
 * label every request with `Sec-Fetch-Site`; older ones still send `Origin` on writes. A
 * request with neither comes from a non-browser client, which has no victim's cookies to
 * abuse, so it is let through.
 *
 * `same-site` is refused too: a sibling subdomain is not necessarily ours.
 */
export function isCrossSiteRequest(headers: Headers, requestUrl: string): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site !== "same-origin" && site !== "none";
  const origin = headers.get("origin");
  if (origin === null) return false;
  return origin !== expectedOrigin(headers, requestUrl);
}

/** The origin the browser addressed: the Host header (as a proxy forwards it) and the URL's scheme. */
function expectedOrigin(headers: Headers, requestUrl: string): string {
  const url = new URL(requestUrl);
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? url.host;
  const proto = headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}
