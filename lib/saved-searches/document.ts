import { randomId } from "../random-id";
import type { SearchState } from "../search/url";

// The visitor's saved searches, kept in their browser: one versioned JSON document of its own
// (apart from the reading lists), pure functions only (no storage, no DOM, no validator: that
// is schema.ts, loaded after the page), so the same rules serve the store, imports and tests.
//
// A search is stored as its query string as /search writes it (lib/search/url.ts searchHref,
// without the page): reopening it is a link, counting it a call to /api/search, and two saves
// of one search are one search. A top-level field this build does not know is kept (the
// schema is a loose object); a change old code could not read raises the version.

export const SAVED_SEARCHES_VERSION = 1;
export const MAX_SAVED_SEARCHES = 200;
export const MAX_SEARCH_NAME = 80;
export const MAX_QUERY_LENGTH = 4_000;

export interface SavedSearch {
  id: string;
  name: string;
  /** The search's query string without "?" or page ("q=lora&topic=reasoning"); "" = every paper. */
  query: string;
  /** ISO 8601 times. */
  createdAt: string;
  /** When the search was last opened (from /saved, or visited on /search): "new" counts from here. */
  lastOpenedAt: string;
}

export interface SavedSearches {
  version: 1;
  searches: SavedSearch[];
  /** Fields of later additions (or of a newer build), kept as they are. */
  [field: string]: unknown;
}

export function emptySavedSearches(): SavedSearches {
  return { version: SAVED_SEARCHES_VERSION, searches: [] };
}

export function serializeSavedSearches(document: SavedSearches): string {
  return JSON.stringify(document);
}

export function cleanSearchName(name: string): string {
  return name.replace(/\s+/g, " ").trim().slice(0, MAX_SEARCH_NAME);
}

/** Each id and each search once (a hand-edited or merged file may repeat them); the first wins. */
export function tidySavedSearches(document: SavedSearches): SavedSearches {
  const ids = new Set<string>();
  const queries = new Set<string>();
  const searches = document.searches.filter((s) => {
    if (ids.has(s.id) || queries.has(s.query)) return false;
    ids.add(s.id);
    queries.add(s.query);
    return true;
  });
  return searches.length === document.searches.length ? document : { ...document, searches };
}

export function findByQuery(document: SavedSearches, query: string): SavedSearch | undefined {
  return document.searches.find((s) => s.query === query);
}

/** Why saving would change nothing: the list of saved searches is full. Null when it may go ahead. */
export function saveRefusal(document: SavedSearches, query: string): string | null {
  if (findByQuery(document, query) || document.searches.length < MAX_SAVED_SEARCHES) return null;
  return `You already have ${MAX_SAVED_SEARCHES} saved searches: delete one on the Saved page first`;
}

/**
 * Saves a search under a name; saving a search already there renames it. A new one counts as
 * opened now (the visitor is looking at its results), so its "new" count starts at zero.
 */
export function saveSearch(document: SavedSearches, query: string, name: string, now: Date, id = randomId()): SavedSearches {
  const clean = cleanSearchName(name);
  if (!clean) return document;
  const existing = findByQuery(document, query);
  if (existing) return renameSearch(document, existing.id, clean);
  if (saveRefusal(document, query)) return document;
  const at = now.toISOString();
  return { ...document, searches: [...document.searches, { id, name: clean, query, createdAt: at, lastOpenedAt: at }] };
}

export function renameSearch(document: SavedSearches, id: string, name: string): SavedSearches {
  const clean = cleanSearchName(name);
  if (!clean || !document.searches.some((s) => s.id === id && s.name !== clean)) return document;
  return { ...document, searches: document.searches.map((s) => (s.id === id ? { ...s, name: clean } : s)) };
}

export interface DeletedSearch {
  search: SavedSearch;
  index: number;
}

export function deleteSearch(document: SavedSearches, id: string): { document: SavedSearches; deleted: DeletedSearch | null } {
  const index = document.searches.findIndex((s) => s.id === id);
  if (index < 0) return { document, deleted: null };
  return {
    document: { ...document, searches: document.searches.filter((s) => s.id !== id) },
    deleted: { search: document.searches[index]!, index },
  };
}

/** Puts a deleted search back where it was (undo), unless the same search was saved again meanwhile. */
export function restoreSearch(document: SavedSearches, { search, index }: DeletedSearch): SavedSearches {
  if (document.searches.some((s) => s.id === search.id || s.query === search.query)) return document;
  if (document.searches.length >= MAX_SAVED_SEARCHES) return document;
  const searches = [...document.searches];
  searches.splice(Math.min(Math.max(index, 0), searches.length), 0, search);
  return { ...document, searches };
}

/** The search was opened now: its "new" count starts again from here. The same document when it is not saved. */
export function markOpened(document: SavedSearches, query: string, now: Date): SavedSearches {
  if (!findByQuery(document, query)) return document;
  const at = now.toISOString();
  return { ...document, searches: document.searches.map((s) => (s.query === query ? { ...s, lastOpenedAt: at } : s)) };
}

/** The document as a file to keep (import it back with mergeSavedSearches). */
export function exportSavedSearches(document: SavedSearches): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Adds the imported searches this browser does not have yet (by search, not by name), in their
 * order, up to the limit; a search both hold keeps this browser's name and dates.
 */
export function mergeSavedSearches(
  current: SavedSearches,
  incoming: SavedSearches,
): { document: SavedSearches; added: number; skipped: number } {
  const ids = new Set(current.searches.map((s) => s.id));
  const queries = new Set(current.searches.map((s) => s.query));
  const searches = [...current.searches];
  let added = 0;
  let skipped = 0;
  for (const search of incoming.searches) {
    if (queries.has(search.query)) continue;
    if (searches.length >= MAX_SAVED_SEARCHES) {
      skipped++;
      continue;
    }
    const id = ids.has(search.id) ? randomId() : search.id;
    ids.add(id);
    queries.add(search.query);
    searches.push({ ...search, id });
    added++;
  }
  return { document: added ? { ...current, searches } : current, added, skipped };
}

/**
 * A stored query string as the search page's state, read without a validator: a value the
 * server would refuse stays as it is, and the server's 400 says what is wrong with it.
 */
export function stateOfQuery(query: string): SearchState {
  const params = new URLSearchParams(query);
  const hasCode = params.get("hasCode");
  return {
    q: params.get("q") ?? "",
    topic: params.getAll("topic"),
    digest: params.getAll("digest"),
    hasCode: hasCode === null ? undefined : hasCode === "true",
    ...(params.has("since") ? { since: params.get("since")! } : {}),
    sort: (params.get("sort") ?? "relevance") as SearchState["sort"],
    page: 1,
  };
}

/**
 * The query that counts a saved search's papers first stored since it was last opened: its own
 * `since`, if it has a later one, else the time it was last opened.
 */
export function newSinceQuery(search: SavedSearch): string {
  const params = new URLSearchParams(search.query);
  const own = params.get("since");
  const since = own !== null && Date.parse(own) > Date.parse(search.lastOpenedAt) ? own : search.lastOpenedAt;
  params.set("since", since);
  return params.toString();
}
