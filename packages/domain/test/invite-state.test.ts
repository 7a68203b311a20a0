import { describe, expect, it } from "vitest";
import { INVITE_TTL_HOURS, inviteState } from "../src/roster";

const NOW = new Date("2026-03-10T08:00:00Z");
const FRESH = new Date("2026-03-15T08:00:00Z");

describe("inviteState", () => {
  it("keeps a link valid for a week", () => {
    expect(INVITE_TTL_HOURS).toBe(168);
    expect(inviteState({ expiresAt: FRESH, acceptedAt: null }, NOW)).toBe("valid");
    expect(inviteState({ expiresAt: FRESH, acceptedAt: null, withdrawnAt: null }, NOW)).toBe("valid");
  });

  it("refuses a fresh link once the person was archived or removed", () => {
    expect(inviteState({ expiresAt: FRESH, acceptedAt: null, withdrawnAt: new Date("2026-03-09T08:00:00Z") }, NOW)).toBe("withdrawn");
  });

  it("reports a used link as used, even when it was withdrawn or has expired since", () => {
    const accepted = new Date("2026-03-08T08:00:00Z");
    expect(inviteState({ expiresAt: FRESH, acceptedAt: accepted, withdrawnAt: new Date("2026-03-09T08:00:00Z") }, NOW)).toBe("used");
    expect(inviteState({ expiresAt: new Date("2026-03-09T08:00:00Z"), acceptedAt: accepted }, NOW)).toBe("used");
  });

  it("reports withdrawal before expiry, and expiry at the exact expiry time", () => {
    expect(inviteState({ expiresAt: new Date("2026-03-01T08:00:00Z"), acceptedAt: null, withdrawnAt: new Date("2026-02-28T08:00:00Z") }, NOW)).toBe("withdrawn");
    expect(inviteState({ expiresAt: NOW, acceptedAt: null, withdrawnAt: null }, NOW)).toBe("expired");
    expect(inviteState({ expiresAt: new Date("2026-03-10T08:00:00.001Z"), acceptedAt: null }, NOW)).toBe("valid");
  });
});
