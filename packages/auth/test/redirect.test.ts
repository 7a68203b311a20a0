import { describe, expect, it } from "vitest";
import { authConfig } from "../src/config";
import { safeRedirect } from "../src/redirect";

const BASE = "http://localhost:3000";

describe("Auth.js redirect callback", () => {
  it("keeps same-origin paths and URLs", () => {
    expect(safeRedirect("/coach/board?squad=1", BASE)).toBe(`${BASE}/coach/board?squad=1`);
    expect(safeRedirect(`${BASE}/me`, BASE)).toBe(`${BASE}/me`);
  });

  it("sends script URLs, other sites and protocol-relative tricks home", () => {
    for (const url of [
      "javascript:alert(1)",
      "JavaScript:alert(document.cookie)",
      "data:text/html,<script>alert(1)</script>",
      "https://evil.example/phish",
      "//evil.example",
      "/\\evil.example",
      "http://localhost:3000.evil.example/",
      "",
      "not a url",
      "http://[::1",
    ]) {
      expect([url, safeRedirect(url, BASE)]).toEqual([url, `${BASE}/`]);
    }
  });

  it("is the callback Auth.js uses", () => {
    expect(authConfig.callbacks.redirect({ url: "javascript:alert(1)", baseUrl: BASE })).toBe(`${BASE}/`);
    expect(authConfig.callbacks.redirect({ url: "/physio", baseUrl: BASE })).toBe(`${BASE}/physio`);
  });
});
