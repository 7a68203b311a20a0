import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import manifest from "../src/app/manifest";

describe("web app manifest", () => {
  it("opens standalone on the role's home and names icons that exist, in the sizes installers ask for", () => {
    const m = manifest();
    expect(m).toMatchObject({ start_url: "/", display: "standalone", name: "Loadline" });
    expect(m.icons?.map((i) => i.sizes)).toEqual(["192x192", "512x512", "512x512"]);
    for (const icon of m.icons ?? []) expect(existsSync(path.join(import.meta.dirname, "..", "public", icon.src))).toBe(true);
  });
});
