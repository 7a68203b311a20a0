import { pgTable, text, unique } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("organisations_slug_key").on(t.slug)],
);
