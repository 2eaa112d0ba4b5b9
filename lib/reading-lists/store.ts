import { STORAGE_KEY } from "./basics";
import { emptyLibrary, serializeLibrary, type Library } from "./document";
import type { ParseResult } from "./schema";

// The library in localStorage, as an external store for useSyncExternalStore: one cached
// snapshot per page, refreshed by this tab's own writes and by other tabs' (the `storage`
// event). Nothing here talks to the server.
//
// A stored value that cannot be read (not JSON, wrong shape) is never overwritten: it is
// copied to a key of its own first ("kept aside"), and the snapshot says so, so that the page
// can tell the user and offer it as a download. If it cannot be copied, the store stays
// read-only rather than lose it. A value written by a newer Paperdex is valid, just not for
// this build: it stays where it is and the store is read-only until the page is reloaded.

export { STORAGE_KEY };
export const KEPT_ASIDE_PREFIX = "paperdex:library:kept-aside:";
export const NEWER_VERSION = "Your lists were saved by a newer Paperdex; reload the page to see and change them.";

export interface KeptAside {
  key: string;
  /** When it was kept aside (ms since the epoch, from the key). */
  at: number;
  detail: string;
}

export type Snapshot =
  | {
      status: "ready";
      library: Library;
      /** Values that could not be read, kept under keys of their own until the user discards them. */
      keptAside: KeptAside[];
      /** Set when writing is refused (a newer Paperdex's value, or an unreadable one that could not be kept aside). */
      readOnly: string | null;
    }
  | { status: "unavailable"; reason: string };

/** The part of the Web Storage API the store uses (tests pass a Map-backed one). */
export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

export type Parser = (text: string) => ParseResult;

export interface LibraryStore {
  subscribe(listener: () => void): () => void;
  /** Null until the validator is loaded. */
  getSnapshot(): Snapshot | null;
  setParser(parser: Parser): void;
  /** Applies a change to the latest stored library; returns an error message when it could not be saved. */
  update(change: (library: Library) => Library): string | null;
  /** The raw text of a kept-aside value (for download). */
  keptAsideText(key: string): string | null;
  discardKeptAside(key: string): void;
  /** Re-reads storage (another tab wrote); called by the `storage` event listener. */
  refresh(): void;
}

function keptAsideList(storage: StorageLike): KeptAside[] {
  const found: KeptAside[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(KEPT_ASIDE_PREFIX)) continue;
    const [at = "0", ...detail] = key.slice(KEPT_ASIDE_PREFIX.length).split(":");
    found.push({ key, at: Number(at) || 0, detail: detail.join(":") || "it could not be read" });
  }
  return found.sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
}

/** Copies an unreadable value to its own key (once per distinct value); false if that failed. */
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

export function createLibraryStore(
  storage: StorageLike | null,
  parseLibrary: Parser | null,
  clock: () => Date = () => new Date(),
): LibraryStore {
  const listeners = new Set<() => void>();
  let snapshot: Snapshot | null = null;
  let parse = parseLibrary;

  function read(parseLibrary: Parser): Snapshot {
    if (!storage) return { status: "unavailable", reason: "this browser does not allow sites to store data" };
    let raw: string | null;
    try {
      raw = storage.getItem(STORAGE_KEY);
    } catch {
      return { status: "unavailable", reason: "this browser does not allow sites to store data" };
    }
    let library: Library | null = null;
    let readOnly: string | null = null;
    if (raw !== null) {
      const parsed = parseLibrary(raw);
      if (parsed.ok) {
        library = parsed.library;
      } else if (parsed.reason === "newer-version") {
        // Not ours to judge: a newer build (a rolling deploy, another tab) wrote it and reads it.
        // Leave it where it is and write nothing until this page is reloaded as that build.
        readOnly = NEWER_VERSION;
      } else if (keepAside(storage, raw, parsed.detail, clock().getTime())) {
        // Safe to start afresh: the old value now lives under its own key.
        storage.removeItem(STORAGE_KEY);
      } else {
        readOnly = `Your saved lists could not be read (${parsed.detail}) and there is no room to keep a copy; nothing is saved until space is freed.`;
      }
    }
    return { status: "ready", library: library ?? emptyLibrary(clock()), keptAside: keptAsideList(storage), readOnly };
  }

  function notify() {
    for (const listener of listeners) listener();
  }

  const store: LibraryStore = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot() {
      if (!parse) return null;
      snapshot ??= read(parse);
      return snapshot;
    },
    setParser(parser) {
      parse = parser;
      store.refresh();
    },
    update(change) {
      if (!parse) return "Not ready yet: try again in a moment.";
      // Start from what is stored now: another tab may have written since this one last read.
      const current = read(parse);
      if (current.status !== "ready") return `Nothing can be saved: ${current.reason}.`;
      if (current.readOnly) return current.readOnly;
      const next = change(current.library);
      if (next === current.library) {
        snapshot = current;
        notify();
        return null;
      }
      try {
        storage!.setItem(STORAGE_KEY, serializeLibrary(next));
      } catch {
        snapshot = current;
        notify();
        return "Could not save: the browser's storage for this site is full.";
      }
      snapshot = { ...current, library: next };
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

let browserStore: LibraryStore | null = null;

/** The page's one store over window.localStorage, listening to other tabs' writes. */
export function libraryStore(): LibraryStore {
  if (browserStore) return browserStore;
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  const store = createLibraryStore(storage, null);
  void import("./schema").then(({ parseLibrary }) => store.setParser(parseLibrary));
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.key === STORAGE_KEY || event.key.startsWith(KEPT_ASIDE_PREFIX)) store.refresh();
  });
  browserStore = store;
  return store;
}
