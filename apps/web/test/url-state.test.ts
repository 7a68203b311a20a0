import { describe, expect, it } from "vitest";
import { readUrlState, urlParam } from "../src/lib/url-state";

describe("URL state parsers", () => {
  it("text: absent is empty, empty is left out of the URL", () => {
    const p = urlParam.text();
    expect(p.parse(null)).toBe("");
    expect(p.parse("maya")).toBe("maya");
    expect(p.serialize("")).toBeNull();
    expect(p.serialize("maya")).toBe("maya");
  });

  it("oneOf: an unknown value reads as the fallback, the fallback is left out", () => {
    const p = urlParam.oneOf(["", "amber", "red"], "");
    expect(p.parse("red")).toBe("red");
    expect(p.parse("purple")).toBe("");
    expect(p.parse(null)).toBe("");
    expect(p.serialize("")).toBeNull();
    expect(p.serialize("amber")).toBe("amber");
    const status = urlParam.oneOf(["new", "all"], "new");
    expect(status.parse("bogus")).toBe("new");
    expect(status.serialize("new")).toBeNull();
    expect(status.serialize("all")).toBe("all");
  });

  it("id: the fallback word when absent", () => {
    const p = urlParam.id("mine");
    expect(p.parse(null)).toBe("mine");
    expect(p.parse("")).toBe("mine");
    expect(p.parse("sq-1")).toBe("sq-1");
    expect(p.serialize("mine")).toBeNull();
    expect(p.serialize("all")).toBe("all");
  });

  it("flag: on is 1, off is absent", () => {
    const p = urlParam.flag();
    expect(p.parse("1")).toBe(true);
    expect(p.parse("yes")).toBe(false);
    expect(p.parse(null)).toBe(false);
    expect(p.serialize(true)).toBe("1");
    expect(p.serialize(false)).toBeNull();
  });

  it("day: only a YYYY-MM-DD day is read or written", () => {
    const p = urlParam.day();
    expect(p.parse("2026-11-04")).toBe("2026-11-04");
    expect(p.parse("4/11/2026")).toBe("");
    expect(p.parse("2026-02-31")).toBe("");
    expect(p.parse("2028-02-29")).toBe("2028-02-29");
    expect(p.serialize("2026-11-04")).toBe("2026-11-04");
    expect(p.serialize("")).toBeNull();
  });

  it("sort: a leading minus is descending, another column reads as the fallback", () => {
    const p = urlParam.sort(["name", "phase"], { id: "name", desc: false });
    expect(p.parse("-phase")).toEqual({ id: "phase", desc: true });
    expect(p.parse("phase")).toEqual({ id: "phase", desc: false });
    expect(p.parse("-password")).toEqual({ id: "name", desc: false });
    expect(p.parse(null)).toEqual({ id: "name", desc: false });
    expect(p.serialize({ id: "name", desc: false })).toBeNull();
    expect(p.serialize({ id: "name", desc: true })).toBe("-name");
    expect(p.serialize({ id: "phase", desc: false })).toBe("phase");
  });

  it("reads a whole schema from the URL's parameters", () => {
    const params = new URLSearchParams("q=tom&archived=1&sort=-squads&junk=x");
    const values = readUrlState(
      { q: urlParam.text(), squad: urlParam.id("mine"), archived: urlParam.flag(), sort: urlParam.sort(["name", "squads"], { id: "name", desc: false }) },
      params,
    );
    expect(values).toEqual({ q: "tom", squad: "mine", archived: true, sort: { id: "squads", desc: true } });
  });
});
