import { pgTable, text, unique } from "drizzle-orm/pg-core";
import { createdAt, id, textLimit } from "./columns";

export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    createdAt: createdAt(),
  },
  (t) => [textLimit("organisations_name_length_check", t.name, "title"), unique("organisations_slug_key").on(t.slug)],
);
