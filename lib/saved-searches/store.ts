import { emptySavedSearches, serializeSavedSearches, type SavedSearches } from "./document";
import type { ParseResult } from "./schema";

// The saved searches in localStorage, as an external store for useSyncExternalStore (the same
// rules as the reading lists' store, lib/reading-lists/store.ts): one cached snapshot, refreshed
// by this tab's writes and other tabs' (`storage` event). Nothing here talks to the server.
// A stored value that cannot be read is copied to a key of its own before anything is written
// ("kept aside"); one written by a newer Paperdex stays as it is and the store is read-only.

export const STORAGE_KEY = "paperdex:saved-searches";
export const KEPT_ASIDE_PREFIX = "paperdex:saved-searches:kept-aside:";
export const NEWER_VERSION = "Your saved searches were saved by a newer Paperdex; reload the page to see and change them.";
const NO_STORAGE = "this browser does not allow sites to store data";

export interface KeptAside {
  key: string;
  detail: string;
}

export type Snapshot =
  | { status: "ready"; document: SavedSearches; keptAside: KeptAside[]; readOnly: string | null }
  | { status: "unavailable"; reason: string };

export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;
export type Parser = (text: string) => ParseResult;

export interface SavedSearchStore {
  subscribe(listener: () => void): () => void;
  /** Null until the validator is loaded. */
  getSnapshot(): Snapshot | null;
  setParser(parser: Parser): void;
  /** Applies a change to the latest stored document; returns an error message when it could not be saved. */
  update(change: (document: SavedSearches) => SavedSearches): string | null;
  keptAsideText(key: string): string | null;
  discardKeptAside(key: string): void;
  refresh(): void;
}

function keptAsideList(storage: StorageLike): KeptAside[] {
  const found: KeptAside[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(KEPT_ASIDE_PREFIX)) continue;
    const [, ...detail] = key.slice(KEPT_ASIDE_PREFIX.length).split(":");
    found.push({ key, detail: detail.join(":") || "it could not be read" });
  }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

function keepAside(storage: StorageLike, raw: string, detail: string, now: number): boolean {
  for (const kept of keptAsideList(storage)) if (storage.getItem(kept.key) === raw) return true;
  const key = `${KEPT_ASIDE_PREFIX}${now}:${detail}`;
  try {
    storage.setItem(key, raw);
    return storage.getItem(key) === raw;
  } catch {
    return false;
  }
}

export function createSavedSearchStore(
  storage: StorageLike | null,
  parser: Parser | null,
  clock: () => Date = () => new Date(),
): SavedSearchStore {
  const listeners = new Set<() => void>();
  let snapshot: Snapshot | null = null;
  let parse = parser;

  function read(parse: Parser): Snapshot {
    if (!storage) return { status: "unavailable", reason: NO_STORAGE };
    let raw: string | null;
    try {
      raw = storage.getItem(STORAGE_KEY);
    } catch {
      return { status: "unavailable", reason: NO_STORAGE };
    }
    let document: SavedSearches | null = null;
    let readOnly: string | null = null;
    if (raw !== null) {
      const parsed = parse(raw);
      if (parsed.ok) document = parsed.document;
      else if (parsed.reason === "newer-version") readOnly = NEWER_VERSION;
      else if (keepAside(storage, raw, parsed.detail, clock().getTime())) storage.removeItem(STORAGE_KEY);
      else
        readOnly = `Your saved searches could not be read (${parsed.detail}) and there is no room to keep a copy; nothing is saved until space is freed.`;
    }
    return { status: "ready", document: document ?? emptySavedSearches(), keptAside: keptAsideList(storage), readOnly };
  }

  function notify() {
    for (const listener of listeners) listener();
  }

  const store: SavedSearchStore = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot() {
      if (!parse) return null;
      snapshot ??= read(parse);
      return snapshot;
    },
    setParser(next) {
      parse = next;
      store.refresh();
    },
    update(change) {
      if (!parse) return "Not ready yet: try again in a moment.";
      // From what is stored now: another tab may have written since this one last read.
      const current = read(parse);
      if (current.status !== "ready") return `Nothing can be saved: ${current.reason}.`;
      if (current.readOnly) return current.readOnly;
      const next = change(current.document);
      if (next !== current.document) {
        try {
          storage!.setItem(STORAGE_KEY, serializeSavedSearches(next));
        } catch {
          snapshot = current;
          notify();
          return "Could not save: the browser's storage for this site is full.";
        }
      }
      snapshot = { ...current, document: next };
      notify();
      return null;
    },
    keptAsideText(key) {
      return key.startsWith(KEPT_ASIDE_PREFIX) ? (storage?.getItem(key) ?? null) : null;
    },
    discardKeptAside(key) {
      if (!key.startsWith(KEPT_ASIDE_PREFIX)) return;
      storage?.removeItem(key);
      store.refresh();
    },
    refresh() {
      snapshot = null;
      notify();
    },
  };
  return store;
}

let browserStore: SavedSearchStore | null = null;

/** The page's one store over window.localStorage; the validator is loaded after the page. */
export function savedSearchStore(): SavedSearchStore {
  if (browserStore) return browserStore;
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  const store = createSavedSearchStore(storage, null);
  void import("./schema").then(({ parseSavedSearches }) => store.setParser(parseSavedSearches));
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.key === STORAGE_KEY || event.key.startsWith(KEPT_ASIDE_PREFIX)) store.refresh();
  });
  browserStore = store;
  return store;
}
