import { describe, expect, it } from "vitest";
import { sectionAccess, sessionCookieFor, sessionCookieIsSecure, sessionCookieName } from "../src/config";

describe("sectionAccess (the proxy's route guard)", () => {
  it("lets anyone open pages outside the role sections", () => {
    expect(sectionAccess("/sign-in", null)).toEqual({ kind: "allow" });
    expect(sectionAccess("/invite/abc", null)).toEqual({ kind: "allow" });
  });

  it("sends anonymous visitors of a role section to sign in", () => {
    expect(sectionAccess("/coach/board", null)).toEqual({ kind: "sign-in" });
    expect(sectionAccess("/me", null)).toEqual({ kind: "sign-in" });
  });

  it("refuses another role's section and names the user's own home", () => {
    expect(sectionAccess("/coach/roster", "athlete")).toEqual({ kind: "forbidden", home: "/me" });
    expect(sectionAccess("/physio/caseload", "coach")).toEqual({ kind: "forbidden", home: "/coach/board" });
    expect(sectionAccess("/me/log", "physio")).toEqual({ kind: "forbidden", home: "/physio/caseload" });
  });

  it("allows each role its own section", () => {
    expect(sectionAccess("/coach/planner", "coach")).toEqual({ kind: "allow" });
    expect(sectionAccess("/physio/escalations", "physio")).toEqual({ kind: "allow" });
    expect(sectionAccess("/me/progress", "athlete")).toEqual({ kind: "allow" });
  });

  it("uses the secure cookie name over HTTPS", () => {
    expect(sessionCookieName(true)).toBe("__Secure-authjs.session-token");
    expect(sessionCookieName(false)).toBe("authjs.session-token");
  });

  it("decides the cookie's name as Auth.js does: by AUTH_URL, else the forwarded protocol, HTTPS when none is given", () => {
    expect(sessionCookieIsSecure("https://club.example", "http")).toBe(true);
    expect(sessionCookieIsSecure("http://localhost:3000", "https")).toBe(false);
    expect(sessionCookieIsSecure(undefined, "http")).toBe(false);
    expect(sessionCookieIsSecure(undefined, "https")).toBe(true);
    expect(sessionCookieIsSecure(undefined, "https:")).toBe(true);
    expect(sessionCookieIsSecure(undefined, null)).toBe(true);
  });

  it("reads the cookie behind a TLS-terminating proxy by the forwarded protocol, not the plain request", () => {
    expect(sessionCookieFor(undefined, new Headers({ "x-forwarded-proto": "https" }))).toEqual({ secure: true, cookieName: "__Secure-authjs.session-token" });
    expect(sessionCookieFor("https://club.example", new Headers())).toEqual({ secure: true, cookieName: "__Secure-authjs.session-token" });
    expect(sessionCookieFor("http://localhost:3000", new Headers({ "x-forwarded-proto": "https" }))).toEqual({ secure: false, cookieName: "authjs.session-token" });
  });
});
