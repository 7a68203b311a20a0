import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { DataColumn } from "../src/components/data-table";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => undefined }) }));
const { DataTable } = await import("../src/components/data-table");

interface Person {
  id: string;
  name: string;
  age: number;
}
const people: Person[] = [
  { id: "a", name: "Maya", age: 24 },
  { id: "b", name: "Ade", age: 31 },
  { id: "c", name: "Zoe", age: 19 },
];
const columns: DataColumn<Person>[] = [
  { id: "name", accessorKey: "name", header: "Name", meta: { rowHeader: true } },
  { id: "age", accessorKey: "age", header: "Age" },
  { id: "actions", header: "Actions", enableSorting: false, cell: () => "…" },
];
const names = (html: string) => [...html.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);

describe("DataTable", () => {
  it("sorts by the given sorting and says so with aria-sort on that header only", () => {
    const html = renderToString(<DataTable caption="People" data={people} columns={columns} empty="Nobody" sorting={[{ id: "age", desc: true }]} onSortingChange={() => undefined} />);
    expect(names(html)).toEqual(["Ade", "Maya", "Zoe"]);
    expect(html).toMatch(/<th[^>]*aria-sort="descending"[^>]*><button[^>]*>Age/);
    expect(html).toMatch(/<th[^>]*aria-sort="none"[^>]*><button[^>]*>Name/);
    // A column that does not sort has no button and no aria-sort.
    expect(html).toMatch(/<th(?![^>]*aria-sort)[^>]*>Actions<\/th>/);
    expect(html).toMatch(/<caption[^>]*class="[^"]*sr-only"[^>]*>People<\/caption>/);
  });

  it("keeps the given order when sorting is off", () => {
    const html = renderToString(<DataTable caption="People" data={people} columns={columns} empty="Nobody" enableSorting={false} />);
    expect(names(html)).toEqual(["Maya", "Ade", "Zoe"]);
    expect(html).not.toContain("aria-sort");
    expect(html).not.toContain("<button");
  });

  it("filters with the global filter and shows the empty state across every column", () => {
    const filtered = renderToString(
      <DataTable caption="People" data={people} columns={columns} empty="Nobody" globalFilter="zo" globalFilterFn={(row, _c, value: string) => row.original.name.toLowerCase().includes(value)} />,
    );
    expect(names(filtered)).toEqual(["Zoe"]);
    const empty = renderToString(<DataTable caption="People" data={[]} columns={columns} empty="Nobody here yet." />);
    expect(empty).toMatch(/<td[^>]*colSpan="3"[^>]*>Nobody here yet\.<\/td>/i);
  });

  it("marks linked rows and puts replaced rows across every column", () => {
    const html = renderToString(
      <DataTable
        caption="People"
        data={people}
        columns={columns}
        empty="Nobody"
        enableSorting={false}
        rowHref={(p) => `/people/${p.id}`}
        replaceRow={(p) => (p.id === "b" ? "Editing Ade" : null)}
      />,
    );
    expect(html.match(/<tr[^>]*class="[^"]*cursor-pointer/g)).toHaveLength(2);
    expect(html).toMatch(/<td[^>]*colSpan="3"[^>]*>Editing Ade<\/td>/i);
    expect(names(html)).toEqual(["Maya", "Zoe"]);
  });
});
