import type { SearchState } from "@/lib/search/url";

/**
 * A plain GET form to /search: works without JavaScript, and the URL it produces is the
 * whole search state. On the search page it carries the current filters along.
 */
export function SearchForm({ state, autoFocus = false }: { state?: SearchState; autoFocus?: boolean }) {
  return (
    <form action="/search" method="get" role="search" className="flex w-full gap-2">
      <label htmlFor={state ? "search-page-q" : "header-q"} className="sr-only">
        Search papers
      </label>
      <input
        id={state ? "search-page-q" : "header-q"}
        name="q"
        type="search"
        defaultValue={state?.q ?? ""}
        placeholder="Search titles and abstracts…"
        autoFocus={autoFocus}
        maxLength={500}
        className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-stone-400 focus:border-accent-500 focus:outline-none dark:border-stone-700 dark:bg-stone-900"
      />
      {state?.topic.map((topic) => <input key={topic} type="hidden" name="topic" value={topic} />)}
      {state?.digest.map((digest) => <input key={digest} type="hidden" name="digest" value={digest} />)}
      {state?.hasCode !== undefined && <input type="hidden" name="hasCode" value={String(state.hasCode)} />}
      {state && state.sort !== "relevance" && <input type="hidden" name="sort" value={state.sort} />}
      <button
        type="submit"
        className="rounded-lg bg-accent-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-accent-700"
      >
        Search
      </button>
    </form>
  );
}
