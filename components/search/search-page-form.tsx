import { HIDE_PARAM, HIDE_SEEN } from "@/lib/reading-lists/hide-seen";
import type { SearchState } from "@/lib/search/url";
import { InstantSearchInput } from "./instant-search-input";

/**
 * The search page's form: a GET form to /search that carries the current filters, so Enter
 * (or no JavaScript at all) gives the same URL as typing does.
 */
export function SearchPageForm({ state }: { state: SearchState }) {
  return (
    <form action="/search" method="get" role="search" className="flex w-full gap-2">
      <label htmlFor="search-page-q" className="sr-only">
        Search papers
      </label>
      <InstantSearchInput id="search-page-q" defaultValue={state.q} />
      {state.topic.map((topic) => (
        <input key={topic} type="hidden" name="topic" value={topic} />
      ))}
      {state.digest.map((digest) => (
        <input key={digest} type="hidden" name="digest" value={digest} />
      ))}
      {state.hasCode !== undefined && <input type="hidden" name="hasCode" value={String(state.hasCode)} />}
      {state.since !== undefined && <input type="hidden" name="since" value={state.since} />}
      {state.sort !== "relevance" && <input type="hidden" name="sort" value={state.sort} />}
      {state.hideSeen && <input type="hidden" name={HIDE_PARAM} value={HIDE_SEEN} />}
      <button
        type="submit"
        className="rounded-lg bg-accent-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-accent-700"
      >
        Search
      </button>
    </form>
  );
}
