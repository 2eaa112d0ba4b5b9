import { emptyLibrary, LIBRARY_VERSION, STORAGE_KEY } from "./basics";
import type { StorageLike } from "./store";
import { visitAt, visitNeedsWrite, type Visit } from "./visit";

// The site header records each page load as part of a visit, on every page: so this reads and
// writes the stored document without the validator (zod is most of reading lists' code). It
// changes only the `visit` field and writes back everything else as it read it a moment before;
// a value it cannot read, or one of another version, is left alone (store.ts decides what
// happens to it). Like every read-then-write of localStorage (store.ts's too), it is atomic
// within a tab but not across tabs: a list changed in another tab in the same instant could be
// written over. It writes at most once a minute (visitNeedsWrite), which keeps that window rare.

/** Records a page load at `now`; returns the visit it belongs to, or null when storage cannot be read. */
export function recordVisit(storage: StorageLike, now: Date): Visit | null {
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
  let document: Record<string, unknown>;
  if (raw === null) {
    document = emptyLibrary(now);
  } else {
    try {
      const value: unknown = JSON.parse(raw);
      if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
      document = value as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  const visit = visitAt(document.visit, now);
  if (document.version === LIBRARY_VERSION && visitNeedsWrite(document.visit, visit)) {
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify({ ...document, visit }));
    } catch {
      // Storage full: the visit is still known for this page, just not remembered.
    }
  }
  return visit;
}
