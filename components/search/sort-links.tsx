import Link from "next/link";
import type { SortParam } from "@/lib/search/settings";

const LABELS: Record<SortParam, string> = { relevance: "Relevance", newest: "Newest", oldest: "Oldest", title: "Title" };

export function SortLinks({ current, hrefFor }: { current: SortParam; hrefFor: (sort: SortParam) => string }) {
  return (
    <nav aria-label="Sort results" className="flex items-center gap-1 text-sm">
      <span className="mr-1 text-stone-500">Sort:</span>
      {(Object.keys(LABELS) as SortParam[]).map((sort) => (
        <Link
          key={sort}
          href={hrefFor(sort)}
          aria-current={sort === current ? "true" : undefined}
          rel="nofollow"
          className={`rounded px-2 py-0.5 ${sort === current ? "bg-stone-200 font-medium dark:bg-stone-800" : "text-stone-600 hover:text-accent-600 dark:text-stone-300"}`}
        >
          {LABELS[sort]}
        </Link>
      ))}
    </nav>
  );
}
