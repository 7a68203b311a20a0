import { boolean, pgTable, text, unique } from "drizzle-orm/pg-core";
import { createdAt, id, textLimit } from "./columns";

export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    /** IANA zone the club's days, weeks and sentence times use (the engine's calendar). */
    timeZone: text("time_zone").notNull().default("Europe/London"),
    /** Locale every screen formats dates in. */
    locale: text("locale").notNull().default("en-GB"),
    /** Set by the owner: physios must have a second factor before they can use the app. */
    physioSecondFactorRequired: boolean("physio_second_factor_required").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [textLimit("organisations_name_length_check", t.name, "title"), unique("organisations_slug_key").on(t.slug)],
);
