import { describe, expect, it } from "vitest";
import { clientAddress } from "../src/client-address";

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientAddress", () => {
  it("takes the right-most X-Forwarded-For entry behind a trusted proxy", () => {
    expect(clientAddress(headers("198.51.100.9, 203.0.113.5"), true)).toBe("203.0.113.5");
    expect(clientAddress(headers("2001:db8::1"), true)).toBe("2001:db8::1");
  });
  it("ignores the header without a trusted proxy, and anything that is not an address", () => {
    expect(clientAddress(headers("203.0.113.5"), false)).toBeNull();
    expect(clientAddress(headers("203.0.113.5, not-an-ip"), true)).toBeNull();
    expect(clientAddress(headers(), true)).toBeNull();
  });
});
