"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";

const DEBOUNCE_MS = 250;

/**
 * The search box of /search. It is a normal input of a GET form, so the page works without
 * JavaScript; with it, results follow as you type: the URL is updated (replace, not push, so
 * Back leaves the search) and the server renders the new results without a full reload.
 */
export function InstantSearchInput({ id, defaultValue }: { id: string; defaultValue: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [value, setValue] = useState(defaultValue);
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The URL is the source of truth: follow it when it changes (Back, a facet link). Adjusted
  // while rendering rather than in an effect, so the box never shows a stale query for a frame.
  const urlQuery = searchParams.get("q") ?? "";
  const [followedQuery, setFollowedQuery] = useState(urlQuery);
  if (urlQuery !== followedQuery) {
    setFollowedQuery(urlQuery);
    setValue(urlQuery);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  function onChange(next: string) {
    setValue(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const params = new URLSearchParams(searchParams.toString());
      if (next.trim()) params.set("q", next);
      else params.delete("q");
      params.delete("page");
      const query = params.toString();
      startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    }, DEBOUNCE_MS);
  }

  return (
    <>
      <input
        id={id}
        name="q"
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder="Search titles and abstracts…  (press / to focus)"
        maxLength={500}
        autoComplete="off"
        aria-describedby={`${id}-status`}
        data-search-input
        className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-stone-400 focus:border-accent-500 focus:outline-none dark:border-stone-700 dark:bg-stone-900"
      />
      <span id={`${id}-status`} role="status" className="sr-only">
        {pending ? "Searching…" : ""}
      </span>
    </>
  );
}
