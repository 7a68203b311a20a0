import { describe, expect, it } from "vitest";
import manifest from "../src/app/manifest";

describe("web app manifest", () => {
  it("opens the athlete's Today standalone and names icons of the sizes installers ask for", () => {
    const m = manifest();
    expect(m).toMatchObject({ start_url: "/me", display: "standalone", name: "Loadline" });
    expect(m.icons?.map((i) => i.sizes)).toEqual(["any", "192x192", "512x512"]);
  });
});
