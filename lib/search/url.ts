import { HIDE_PARAM, HIDE_SEEN } from "../reading-lists/hide-seen";
import type { SearchParams } from "./params";

export type SearchState = Pick<SearchParams, "q" | "topic" | "digest" | "hasCode" | "since" | "sort" | "page"> & {
  /** `hide=seen` (lib/reading-lists/hide-seen.ts): the page's browser hides papers it has seen; not a search parameter. */
  hideSeen?: boolean;
};

/**
 * The URL of a search state. Defaults are left out so URLs stay short and shareable, and any
 * change of query or filter goes back to page 1.
 */
export function searchHref(state: SearchState, change: Partial<SearchState> = {}, base = "/search"): string {
  const next = { ...state, ...change };
  if (!("page" in change)) next.page = 1;
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  for (const topic of next.topic) params.append("topic", topic);
  for (const digest of next.digest) params.append("digest", digest);
  if (next.hasCode !== undefined) params.set("hasCode", String(next.hasCode));
  if (next.since !== undefined) params.set("since", next.since);
  if (next.sort !== "relevance") params.set("sort", next.sort);
  if (next.page > 1) params.set("page", String(next.page));
  if (next.hideSeen) params.set(HIDE_PARAM, HIDE_SEEN);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/** Adds a value to a multi-valued facet, or removes it when already selected. */
export function toggle(values: string[], value: string): string[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}
