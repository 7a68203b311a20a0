import "server-only";
import { randomUUID } from "node:crypto";
import { cache } from "react";

/** One id per server render of a page: its prefetches and `<PageView>` share it. */
export const renderPageViewId = cache((): string => randomUUID());
