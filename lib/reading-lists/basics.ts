import type { Library } from "./document";

// Where the document is kept, its version and its empty form, with no imports: the site header
// records visits with these on every page (lib/reading-lists/record-visit.ts), and a module
// that imports nothing adds nothing else to every page's JavaScript. document.ts and store.ts
// re-export them.

export const STORAGE_KEY = "paperdex:library";
export const LIBRARY_VERSION = 1;
export const DEFAULT_LIST_NAME = "Reading list";
/** The id of the list a new library starts with: fixed, so that every read of "nothing stored" agrees. */
export const FIRST_LIST_ID = "default";

export function emptyLibrary(now: Date, id = FIRST_LIST_ID): Library {
  return {
    version: LIBRARY_VERSION,
    defaultListId: id,
    lists: [{ id, name: DEFAULT_LIST_NAME, createdAt: now.toISOString(), entries: [] }],
  };
}
