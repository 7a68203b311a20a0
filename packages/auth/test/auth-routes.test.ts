import { describe, expect, it } from "vitest";
import type { Database } from "@loadline/db";
import { createAuth } from "../src";
import { withSafeCallbackUrl } from "../src/redirect";

/** The Auth.js route handlers, as apps/web serves them, with hostile callback URLs. */

process.env.AUTH_SECRET ??= "test-secret-of-at-least-32-characters!";
const { handlers } = createAuth({ getDb: async () => ({}) as Database, clientAddress: () => null });
const BASE = "http://localhost:3000";
type AuthRequest = Parameters<typeof handlers.GET>[0];

/** What apps/web/src/app/api/auth/[...nextauth]/route.ts does. */
async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return handlers.GET((await withSafeCallbackUrl(new Request(`${BASE}${path}`, { headers }))) as AuthRequest);
}

function location(response: Response): URL | null {
  const value = response.headers.get("location");
  return value ? new URL(value, BASE) : null;
}

describe("Auth.js routes with a hostile callbackUrl", () => {
  for (const path of [
    "/api/auth/signin?callbackUrl=javascript:alert(1)",
    "/api/auth/signout?callbackUrl=javascript:alert(1)",
    "/api/auth/signin?callbackUrl=data:text/html,hi",
    "/api/auth/signin?callbackUrl=https://evil.example/",
    "/api/auth/signin?callbackUrl=//evil.example",
  ]) {
    it(`${path}: no 500, stays on this site`, async () => {
      const response = await get(path);
      expect(response.status).toBeLessThan(500);
      const target = location(response);
      if (target) expect(target.origin).toBe(BASE);
      expect((await response.text()).toLowerCase()).not.toContain("javascript:alert");
    });
  }

  it("a javascript: callback-url cookie does not break the session route either", async () => {
    const response = await get("/api/auth/session", { cookie: "authjs.callback-url=javascript%3Aalert(1); other=1" });
    expect(response.status).toBe(200);
  });

  it("keeps a same-site callbackUrl as it is", async () => {
    const request = new Request(`${BASE}/api/auth/signin?callbackUrl=%2Fcoach%2Fboard`);
    expect(await withSafeCallbackUrl(request)).toBe(request);
  });

  it("without the cleaning, Auth.js answers javascript: with a 500 (why the route cleans)", async () => {
    const response = await handlers.GET(new Request(`${BASE}/api/auth/signin?callbackUrl=javascript:alert(1)`) as AuthRequest);
    expect(response.status).toBe(500);
  });
});
