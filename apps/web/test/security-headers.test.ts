import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, needsNoStore, securityHeaders, servedOverHttps } from "../src/server/security-headers";

const NONCE = "bm9uY2Utb2YtdGhlLXRlc3Q=";

describe("Content Security Policy", () => {
  const csp = contentSecurityPolicy(NONCE, { dev: false, https: true });
  const directive = (name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

  it("allows scripts only with this request's nonce, and what they load ('strict-dynamic')", () => {
    expect(directive("script-src")).toBe(`script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`);
  });

  it("never allows inline or eval'd scripts in production", () => {
    expect(directive("script-src")).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it("forbids framing, plugins and foreign form targets", () => {
    expect(directive("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive("object-src")).toBe("object-src 'none'");
    expect(directive("form-action")).toBe("form-action 'self'");
    expect(directive("base-uri")).toBe("base-uri 'self'");
  });

  it("lets the athlete app register its own service worker and manifest, nothing foreign", () => {
    expect(directive("worker-src")).toBe("worker-src 'self'");
    expect(directive("manifest-src")).toBe("manifest-src 'self'");
  });

  it("allows inline styles (charts and toasts set them) without a nonce that would cancel 'unsafe-inline'", () => {
    expect(directive("style-src")).toBe("style-src 'self' 'unsafe-inline'");
  });

  it("adds eval only for next dev, and upgrades requests only over HTTPS", () => {
    expect(contentSecurityPolicy(NONCE, { dev: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy(NONCE, { dev: false, https: false })).not.toContain("upgrade-insecure-requests");
    expect(csp).toContain("upgrade-insecure-requests");
  });
});

describe("security headers", () => {
  it("sets nosniff, a strict referrer policy and a permissions policy on every response", () => {
    const headers = securityHeaders({ nonce: NONCE, https: false, dev: false, noStore: false });
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Permissions-Policy"]).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    expect(headers["X-Frame-Options"]).toBe("DENY");
  });

  it("sends HSTS only over HTTPS", () => {
    expect(securityHeaders({ nonce: NONCE, https: false, dev: false, noStore: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ nonce: NONCE, https: true, dev: false, noStore: false })["Strict-Transport-Security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
  });

  it("knows HTTPS behind a TLS-terminating proxy", () => {
    expect(servedOverHttps(new URL("http://app.test/"), new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(servedOverHttps(new URL("https://app.test/"), new Headers())).toBe(true);
    expect(servedOverHttps(new URL("http://app.test/"), new Headers())).toBe(false);
  });

  it("marks signed-in pages and the API no-store, public pages not", () => {
    for (const path of ["/coach", "/coach/board", "/physio/caseload", "/me", "/me/log/run", "/api/trpc/roster.list", "/api/auth/session", "/operator", "/account"]) {
      expect([path, needsNoStore(path)]).toEqual([path, true]);
    }
    for (const path of ["/", "/sign-in", "/invite/abc", "/meet", "/coaching"]) expect([path, needsNoStore(path)]).toEqual([path, false]);
    expect(securityHeaders({ nonce: NONCE, https: false, dev: false, noStore: true })["Cache-Control"]).toBe("no-store");
  });
});
