import { searchHref, type SearchState } from "../search/url";
import { cleanSearchName } from "./document";

// What the search page offers to save: the search's query string and a name for it.

/** The query string a search is saved under: its words, filters and order, without its page or view toggles. */
export function savedQueryOf(state: SearchState): string {
  const { q, topic, digest, hasCode, since, sort } = state;
  const search: SearchState = { q, topic, digest, hasCode, ...(since === undefined ? {} : { since }), sort, page: 1 };
  return searchHref(search).replace(/^\/search\??/, "");
}

const SORT_WORDS = { relevance: "", newest: "newest first", oldest: "oldest first", title: "by title" } as const;

/**
 * The name a search is offered under when saved: its words, then its filters by their names
 * ("lora · Reasoning · with code · newest first"); "All papers" when it has no words.
 */
export function defaultSearchName(
  state: SearchState,
  names: { topic: (slug: string) => string; digest: (id: string) => string; since: (since: string) => string },
): string {
  const parts = [state.q || "All papers"];
  if (state.topic.length) parts.push(state.topic.map(names.topic).join(" or "));
  if (state.digest.length) parts.push(state.digest.map(names.digest).join(" or "));
  if (state.hasCode !== undefined) parts.push(state.hasCode ? "with code" : "without code");
  if (state.since !== undefined) parts.push(`added since ${names.since(state.since)}`);
  if (SORT_WORDS[state.sort]) parts.push(SORT_WORDS[state.sort]);
  return cleanSearchName(parts.join(" · "));
}
