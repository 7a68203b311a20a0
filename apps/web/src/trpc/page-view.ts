/*
 * The page view the browser's reads belong to. A server render makes the id (`renderPageViewId`),
 * `<PageView>` hands it to the browser, and every tRPC request carries it in this header, so a
 * refetch of the same page view is not audited as a second look at the record.
 */

export const PAGE_VIEW_HEADER = "x-loadline-page-view";

let current: string | null = null;

export function setCurrentPageView(id: string | null): void {
  current = id;
}

export function currentPageView(): string | null {
  return current;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A page-view id from a request header, or null when absent or not an id (it is never trusted for more than grouping). */
export function pageViewIdFrom(value: string | null | undefined): string | null {
  return value && UUID.test(value) ? value.toLowerCase() : null;
}
