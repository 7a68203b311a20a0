import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FilterBar, FilterCheckbox, FilterSearch, FilterSelect } from "../src/components/filter-bar";

const noop = () => undefined;

describe("FilterBar", () => {
  it("is a named search landmark with labelled filters and a polite count", () => {
    const html = renderToString(
      <FilterBar label="Filter athletes" summary="3 of 5 athletes">
        <FilterSearch id="q" label="Search by name" value="ma" onChange={noop} />
        <FilterSelect
          id="squad"
          label="Squad"
          value="b"
          onChange={noop}
          options={[
            { value: "", label: "All squads" },
            { value: "b", label: "Distance" },
          ]}
        />
        <FilterCheckbox label="Show archived" checked onChange={noop} />
      </FilterBar>,
    );
    expect(html).toMatch(/^<div role="search" aria-label="Filter athletes"/);
    expect(html).toMatch(/<label[^>]*for="q"[^>]*>Search by name<\/label>/);
    expect(html).toMatch(/<input(?=[^>]*type="search")(?=[^>]*id="q")[^>]*>/);
    expect(html).toMatch(/<option[^>]*value="b" selected=""[^>]*>Distance<\/option>/);
    expect(html).toMatch(/<input type="checkbox"[^>]*checked=""/);
    expect(html).toMatch(/<p[^>]*aria-live="polite"[^>]*>3 of 5 athletes<\/p>/);
  });

  it("has no count when none is given", () => {
    const html = renderToString(
      <FilterBar label="Filter gait faults">
        <FilterSelect id="s" label="Squad" value="" onChange={noop} options={[{ value: "", label: "All squads" }]} />
      </FilterBar>,
    );
    expect(html).not.toContain("aria-live");
  });
});
