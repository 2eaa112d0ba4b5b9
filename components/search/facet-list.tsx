"use client";

import Link from "next/link";
import { useState } from "react";

export interface FacetOption {
  value: string;
  label: string;
  count: number;
  selected: boolean;
  href: string;
}

/** Values past this many get a box to search them (with JavaScript; without, all show). */
const SEARCHABLE_FROM = 8;

/** One facet group: each value is a link that toggles it, with its count. */
export function FacetList({ title, options }: { title: string; options: FacetOption[] }) {
  const [filter, setFilter] = useState("");
  if (options.length === 0) return null;
  const headingId = `facet-${title.toLowerCase().replace(/\W+/g, "-")}`;
  const needle = filter.trim().toLowerCase();
  const shown = needle ? options.filter((o) => o.selected || o.label.toLowerCase().includes(needle)) : options;
  return (
    <section aria-labelledby={headingId} className="mb-6">
      <h2 id={headingId} className="mb-2 text-xs font-semibold tracking-wide text-stone-500 uppercase">
        {title}
      </h2>
      {options.length > SEARCHABLE_FROM && (
        <>
          <label className="sr-only" htmlFor={`${headingId}-filter`}>
            Search {title.toLowerCase()}
          </label>
          <input
            id={`${headingId}-filter`}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder={`Search ${title.toLowerCase()}…`}
            className="mb-2 w-full rounded border border-stone-300 bg-white px-2 py-1 text-xs dark:border-stone-700 dark:bg-stone-900"
          />
        </>
      )}
      <ul className="space-y-0.5 text-sm">
        {shown.map((option) => (
          <li key={option.value}>
            <Link
              href={option.href}
              // A link cannot be "pressed"; aria-current marks the chosen values of the set.
              aria-current={option.selected ? "true" : undefined}
              rel="nofollow"
              scroll={false}
              className={`flex items-center justify-between gap-2 rounded px-2 py-1 ${
                option.selected
                  ? "bg-accent-600 text-white"
                  : option.count === 0
                    ? "text-stone-400 hover:bg-stone-100 dark:hover:bg-stone-900"
                    : "hover:bg-stone-100 dark:hover:bg-stone-900"
              }`}
            >
              <span className="flex items-center gap-2">
                <span aria-hidden className="w-3 text-center">
                  {option.selected ? "✓" : ""}
                </span>
                {option.label}
                {option.selected && <span className="sr-only"> (selected)</span>}
              </span>
              <span className="tabular-nums opacity-75">{option.count}</span>
            </Link>
          </li>
        ))}
        {shown.length === 0 && (
          <li className="px-2 text-xs text-stone-500">
            No {title.toLowerCase()} match “{filter}”.
          </li>
        )}
      </ul>
    </section>
  );
}
