// The visitor's personal data, kept in their browser: one versioned JSON document. Pure
// functions only (no storage, no DOM, no validator: that is schema.ts, loaded after the page),
// so the same rules serve the store, imports and tests.
//
// How it grows: issue 14 §2 ("seen" papers, "not interested") adds new *optional* top-level
// fields to this same document, exported with it. The schema is a loose object, so a top-level
// field this build does not know is kept as it is and written back unchanged, and a document of
// a newer version is left in storage untouched (the store turns read-only until a reload, see
// store.ts): an older tab never drops what a newer one stored. Lists and entries are not loose
// (unknown fields in them are dropped), so a field added there, like any change old code could
// not read, raises LIBRARY_VERSION and adds a step to MIGRATIONS (schema.ts) that turns the
// previous version into the next. The §2 fields (seen papers and digests, the visit, papers not
// interested in) are such optional fields, defined with their functions in seen.ts.

import { randomId } from "../random-id";
import { DEFAULT_LIST_NAME, emptyLibrary, FIRST_LIST_ID, LIBRARY_VERSION } from "./basics";
import type { SeenFields } from "./seen";

export { DEFAULT_LIST_NAME, emptyLibrary, FIRST_LIST_ID, LIBRARY_VERSION };
export const MAX_LIST_NAME = 80;
export const MAX_LISTS = 100;
export const MAX_ENTRIES_PER_LIST = 5_000;

/** A paper's slug as the app makes them (lib/digest/normalize.ts): lowercase words joined by "-". */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// The shapes, written out so that the save button needs no validator to use them; schema.ts
// validates stored and imported documents against them (and checks that both agree).

export interface ListEntry {
  slug: string;
  /** ISO 8601 time. */
  addedAt: string;
}

export interface ReadingList {
  id: string;
  name: string;
  createdAt: string;
  entries: ListEntry[];
}

export interface Library extends SeenFields {
  version: 1;
  defaultListId: string;
  lists: ReadingList[];
  /** Fields of later additions (or of a newer build), kept as they are. */
  [field: string]: unknown;
}

export function serializeLibrary(library: Library): string {
  return JSON.stringify(library);
}

/**
 * The invariants a valid document may still break (it may come from a hand-edited file):
 * at least one list, unique list ids, each paper once per list, a default that exists.
 */
export function tidyLibrary(library: Library): Library {
  const ids = new Set<string>();
  const lists = library.lists.flatMap((list) => {
    if (ids.has(list.id)) return [];
    ids.add(list.id);
    const slugs = new Set<string>();
    const entries = list.entries.filter((e) => !slugs.has(e.slug) && slugs.add(e.slug));
    return [{ ...list, entries }];
  });
  if (lists.length === 0) return { ...emptyLibrary(new Date()), ...withoutLists(library) };
  const defaultListId = ids.has(library.defaultListId) ? library.defaultListId : lists[0]!.id;
  return { ...library, defaultListId, lists };
}

function withoutLists(library: Library): Record<string, unknown> {
  const { lists: _lists, defaultListId: _default, version: _version, ...rest } = library;
  return rest;
}

export function defaultList(library: Library): ReadingList {
  return library.lists.find((l) => l.id === library.defaultListId) ?? library.lists[0]!;
}

export function findList(library: Library, listId: string): ReadingList | undefined {
  return library.lists.find((l) => l.id === listId);
}

/** The lists that hold a paper, in the library's order. */
export function listsWith(library: Library, slug: string): ReadingList[] {
  return library.lists.filter((l) => l.entries.some((e) => e.slug === slug));
}

function updateList(library: Library, listId: string, change: (list: ReadingList) => ReadingList): Library {
  if (!findList(library, listId)) return library;
  return { ...library, lists: library.lists.map((l) => (l.id === listId ? change(l) : l)) };
}

export function cleanListName(name: string): string {
  return name.replace(/\s+/g, " ").trim().slice(0, MAX_LIST_NAME);
}

/** Adds a paper at the end of a list; a paper already there keeps its place and date. */
export function addEntry(library: Library, listId: string, slug: string, now: Date): Library {
  return updateList(library, listId, (list) =>
    list.entries.some((e) => e.slug === slug) || list.entries.length >= MAX_ENTRIES_PER_LIST
      ? list
      : { ...list, entries: [...list.entries, { slug, addedAt: now.toISOString() }] },
  );
}

/** Why adding a paper to a list would change nothing though it is not there: the list is full (or gone). */
export function addRefusal(library: Library, listId: string, slug: string): string | null {
  const list = findList(library, listId);
  if (!list) return "That list no longer exists";
  if (list.entries.some((e) => e.slug === slug) || list.entries.length < MAX_ENTRIES_PER_LIST) return null;
  return `${list.name} is full (a list holds at most ${MAX_ENTRIES_PER_LIST.toLocaleString("en")} papers): nothing was saved`;
}

export function removeEntry(library: Library, listId: string, slug: string): Library {
  return updateList(library, listId, (list) => ({ ...list, entries: list.entries.filter((e) => e.slug !== slug) }));
}

/** Puts an entry back where it was (undo of a removal). */
export function restoreEntry(library: Library, listId: string, entry: ListEntry, index: number): Library {
  return updateList(library, listId, (list) => {
    if (list.entries.some((e) => e.slug === entry.slug)) return list;
    const entries = [...list.entries];
    entries.splice(Math.min(Math.max(index, 0), entries.length), 0, entry);
    return { ...list, entries };
  });
}

export function hasEntry(library: Library, listId: string, slug: string): boolean {
  return findList(library, listId)?.entries.some((e) => e.slug === slug) ?? false;
}

export function toggleEntry(library: Library, listId: string, slug: string, now: Date): Library {
  return hasEntry(library, listId, slug) ? removeEntry(library, listId, slug) : addEntry(library, listId, slug, now);
}

/** Moves an entry `delta` places up (negative) or down (positive), clamped to the list. */
export function moveEntry(library: Library, listId: string, slug: string, delta: number): Library {
  return updateList(library, listId, (list) => {
    const from = list.entries.findIndex((e) => e.slug === slug);
    if (from < 0) return list;
    const to = Math.min(Math.max(from + delta, 0), list.entries.length - 1);
    if (to === from) return list;
    const entries = [...list.entries];
    const [entry] = entries.splice(from, 1);
    entries.splice(to, 0, entry!);
    return { ...list, entries };
  });
}

/** Why createList would make nothing: the library already has as many lists as it may. */
export function createRefusal(library: Library): string | null {
  return library.lists.length >= MAX_LISTS
    ? `You have ${MAX_LISTS} lists, the most there can be: delete one first; no list was created`
    : null;
}

/** A new list at the end; its id comes back with the library (null when refused, see createRefusal). */
export function createList(
  library: Library,
  name: string,
  now: Date,
  entries: ListEntry[] = [],
  id = randomId(),
): { library: Library; listId: string | null } {
  const clean = cleanListName(name);
  if (!clean || library.lists.length >= MAX_LISTS) return { library, listId: null };
  const list: ReadingList = { id, name: clean, createdAt: now.toISOString(), entries: entries.slice(0, MAX_ENTRIES_PER_LIST) };
  return { library: { ...library, lists: [...library.lists, list] }, listId: id };
}

export function renameList(library: Library, listId: string, name: string): Library {
  const clean = cleanListName(name);
  return clean ? updateList(library, listId, (list) => ({ ...list, name: clean })) : library;
}

export function setDefaultList(library: Library, listId: string): Library {
  return findList(library, listId) ? { ...library, defaultListId: listId } : library;
}

/** What deleting a list removed, so that it can be put back. */
export interface DeletedList {
  list: ReadingList;
  index: number;
  wasDefault: boolean;
}

/** Deletes a list; deleting the only one leaves an empty default list in its place. */
export function deleteList(library: Library, listId: string, now: Date): { library: Library; deleted: DeletedList | null } {
  const index = library.lists.findIndex((l) => l.id === listId);
  if (index < 0) return { library, deleted: null };
  const deleted = { list: library.lists[index]!, index, wasDefault: library.defaultListId === listId };
  const lists = library.lists.filter((l) => l.id !== listId);
  if (lists.length === 0) return { library: { ...emptyLibrary(now), ...withoutLists(library) }, deleted };
  const defaultListId = deleted.wasDefault ? lists[0]!.id : library.defaultListId;
  return { library: { ...library, defaultListId, lists }, deleted };
}

/** Undo of deleteList: the list back at its place (and as the default if it was). */
export function restoreList(library: Library, deleted: DeletedList): Library {
  let lists = [...library.lists];
  // An empty default made only because the last list was deleted gives way to it (it may even
  // have the same id, FIRST_LIST_ID).
  const only = lists.length === 1 ? lists[0]! : null;
  if (only && only.entries.length === 0 && only.name === DEFAULT_LIST_NAME && deleted.index === 0 && deleted.wasDefault) {
    lists = [];
  }
  if (lists.some((l) => l.id === deleted.list.id)) return library;
  lists.splice(Math.min(deleted.index, lists.length), 0, deleted.list);
  return { ...library, lists, defaultListId: deleted.wasDefault ? deleted.list.id : library.defaultListId };
}

/** The whole document as an export file: the stored format itself, with the time of export. */
export function exportLibrary(library: Library, now: Date): string {
  return JSON.stringify({ ...library, exportedAt: now.toISOString() }, null, 2) + "\n";
}

/** What a merge could not take in because of the limits. */
export interface MergeSkipped {
  /** Names of imported lists not added: the library already had MAX_LISTS lists. */
  lists: string[];
  /** Imported papers not added to an existing list because it reached MAX_ENTRIES_PER_LIST. */
  papers: number;
}

/**
 * Merges an imported document into this one: a list with the same id or the same name (any
 * case) gets the imported papers it lacks, appended in their order; other lists are added.
 * This library's default list and its own fields win; fields only the import has are added
 * (mergeImport in seen.ts also joins the papers seen and not interested in).
 * What the limits keep out is returned, so that the user can be told.
 */
export function mergeLibraries(current: Library, imported: Library): { library: Library; skipped: MergeSkipped } {
  const { exportedAt: _exportedAt, ...importedFields } = withoutLists(imported);
  let lists = [...current.lists];
  const skipped: MergeSkipped = { lists: [], papers: 0 };
  for (const incoming of imported.lists) {
    const target =
      lists.find((l) => l.id === incoming.id) ??
      lists.find((l) => l.name.toLocaleLowerCase() === incoming.name.toLocaleLowerCase());
    if (target) {
      const have = new Set(target.entries.map((e) => e.slug));
      const added = incoming.entries.filter((e) => !have.has(e.slug));
      const room = Math.max(MAX_ENTRIES_PER_LIST - target.entries.length, 0);
      skipped.papers += Math.max(added.length - room, 0);
      const merged = { ...target, entries: [...target.entries, ...added.slice(0, room)] };
      lists = lists.map((l) => (l === target ? merged : l));
    } else if (lists.length < MAX_LISTS) {
      lists.push(incoming);
    } else {
      skipped.lists.push(incoming.name);
    }
  }
  return { library: { ...importedFields, ...current, lists }, skipped };
}

/** What a merge left out at the limits, as a sentence to add to its message ("" when nothing). */
export function mergeSkippedText({ lists, papers }: MergeSkipped): string {
  const parts: string[] = [];
  if (lists.length > 0) {
    parts.push(
      `${lists.length} ${lists.length === 1 ? "list was" : "lists were"} not added (at most ${MAX_LISTS} lists): ${lists.join(", ")}`,
    );
  }
  if (papers > 0) {
    parts.push(
      `${papers} ${papers === 1 ? "paper was" : "papers were"} not added to full lists (at most ${MAX_ENTRIES_PER_LIST.toLocaleString("en")} papers each)`,
    );
  }
  return parts.length > 0 ? ` ${parts.join("; ")}.` : "";
}

/** Replaces this library by an imported one (its export time is not kept). */
export function replaceLibrary(imported: Library): Library {
  const { exportedAt: _exportedAt, ...rest } = imported;
  return rest;
}
