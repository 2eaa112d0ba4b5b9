"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { recordVisit } from "@/lib/reading-lists/record-visit";

// In the site header, so on every page: kept tiny (no validator, no store). Each page load is
// recorded as part of a visit (browser only), and when there was a visit before this one, the
// papers stored since it began are counted by the search API and linked to.

export function newPapersHref(since: string): string {
  return `/search?${new URLSearchParams({ since, sort: "newest" }).toString()}`;
}

export function NewPapersLink() {
  const pathname = usePathname();
  const [found, setFound] = useState<{ since: string; total: number } | null>(null);
  const askedFor = useRef<string | null>(null);

  // Every navigation is a page load of the visit; the count is asked for once per "last visit".
  useEffect(() => {
    let storage: Storage;
    try {
      storage = window.localStorage;
    } catch {
      return;
    }
    const since = recordVisit(storage, new Date())?.previous;
    if (!since || askedFor.current === since) return;
    askedFor.current = since;
    fetch(`/api/search?${new URLSearchParams({ since, perPage: "1" }).toString()}`)
      .then((response) => (response.ok ? (response.json() as Promise<{ total?: unknown }>) : null))
      .then((body) => {
        if (typeof body?.total === "number") setFound({ since, total: body.total });
      })
      .catch(() => {
        // No count is shown when the search cannot answer.
      });
  }, [pathname]);

  if (!found?.total) return null;
  const { since, total } = found;
  return (
    <Link
      href={newPapersHref(since)}
      data-new-papers
      className="rounded-full bg-emerald-100 px-2 font-medium text-emerald-900 hover:bg-emerald-200 dark:bg-emerald-900 dark:text-emerald-100 dark:hover:bg-emerald-800"
    >
      {total.toLocaleString("en")} new<span className="sr-only"> {total === 1 ? "paper" : "papers"} since your last visit</span>
    </Link>
  );
}
