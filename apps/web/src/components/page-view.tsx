"use client";
import { useEffect } from "react";
import { currentPageView, setCurrentPageView } from "@/trpc/page-view";

/** Marks the browser's reads as part of the page view the server rendered (see `trpc/page-view.ts`). */
export function PageView({ id }: { id: string }) {
  useEffect(() => {
    setCurrentPageView(id);
    return () => {
      if (currentPageView() === id) setCurrentPageView(null);
    };
  }, [id]);
  return null;
}
