import { boolean, pgTable, text, unique } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    /** Set by the owner: physios must have a second factor before they can use the app. */
    physioSecondFactorRequired: boolean("physio_second_factor_required").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [unique("organisations_slug_key").on(t.slug)],
);
