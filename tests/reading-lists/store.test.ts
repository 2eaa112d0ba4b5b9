import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../support/memory-storage";
import { applyChange } from "@/lib/reading-lists/change";
import {
  addEntry,
  addRefusal,
  createList,
  createRefusal,
  emptyLibrary,
  LIBRARY_VERSION,
  MAX_ENTRIES_PER_LIST,
  MAX_LISTS,
  moveEntry,
  serializeLibrary,
  type Library,
} from "@/lib/reading-lists/document";
import { parseLibrary } from "@/lib/reading-lists/schema";
import { createLibraryStore, KEPT_ASIDE_PREFIX, STORAGE_KEY } from "@/lib/reading-lists/store";

const NOW = new Date("2026-03-04T05:06:07.000Z");
const clock = () => NOW;

function ready(store: ReturnType<typeof createLibraryStore>) {
  const snapshot = store.getSnapshot();
  if (snapshot?.status !== "ready") throw new Error("store not ready");
  return snapshot;
}

describe("the browser store", () => {
  it("reads nothing as an empty library and writes only on a change, in the versioned format", () => {
    const storage = new MemoryStorage();
    const store = createLibraryStore(storage, parseLibrary, clock);
    expect(ready(store).library.lists).toHaveLength(1);
    expect(storage.items.size).toBe(0);
    const id = ready(store).library.defaultListId;
    // Every read of "nothing stored" agrees on the default list, so a change made from one applies.
    store.refresh();
    expect(ready(store).library.defaultListId).toBe(id);
    expect(store.update((lib) => addEntry(lib, id, "a-paper", NOW))).toBeNull();
    const stored = JSON.parse(storage.getItem(STORAGE_KEY)!) as { version: number; lists: { entries: unknown[] }[] };
    expect(stored.version).toBe(LIBRARY_VERSION);
    expect(stored.lists[0]!.entries).toEqual([{ slug: "a-paper", addedAt: NOW.toISOString() }]);
    // A second store over the same storage (a reload) sees the same library.
    expect(ready(createLibraryStore(storage, parseLibrary, clock)).library).toEqual(ready(store).library);
  });

  it("keeps one snapshot until something changes, and tells subscribers when it does", () => {
    const store = createLibraryStore(new MemoryStorage(), parseLibrary, clock);
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.update((lib) => addEntry(lib, lib.defaultListId, "x", NOW));
    expect(calls).toBe(1);
    expect(store.getSnapshot()).not.toBe(first);
    unsubscribe();
    store.update((lib) => addEntry(lib, lib.defaultListId, "y", NOW));
    expect(calls).toBe(1);
  });

  it("starts from what another tab stored, not from its own stale snapshot, and refreshes on their event", () => {
    const storage = new MemoryStorage();
    const tabA = createLibraryStore(storage, parseLibrary, clock);
    const tabB = createLibraryStore(storage, parseLibrary, clock);
    const stale = ready(tabB).library;
    tabA.update((lib) => addEntry(lib, lib.defaultListId, "from-a", NOW));
    expect(ready(tabB).library).toBe(stale);
    expect(stale.lists[0]!.entries).toEqual([]);
    // Without the event yet, B's write still keeps A's paper.
    tabB.update((lib) => addEntry(lib, lib.defaultListId, "from-b", NOW));
    expect(ready(tabB).library.lists[0]!.entries.map((e) => e.slug)).toEqual(["from-a", "from-b"]);
    tabA.refresh();
    expect(ready(tabA).library.lists[0]!.entries.map((e) => e.slug)).toEqual(["from-a", "from-b"]);
  });

  describe("a stored value it cannot read", () => {
    it.each([
      ["corrupt JSON", '{"version":1,"lists":[', "not JSON"],
      ["a wrong shape", JSON.stringify({ version: 1, defaultListId: 3, lists: "no" }), "shape"],
    ])("%s is kept aside, not destroyed, and reported", (_, raw, detail) => {
      const storage = new MemoryStorage();
      storage.setItem(STORAGE_KEY, raw);
      const store = createLibraryStore(storage, parseLibrary, clock);
      const snapshot = ready(store);
      expect(snapshot.readOnly).toBeNull();
      expect(snapshot.keptAside).toHaveLength(1);
      const kept = snapshot.keptAside[0]!;
      expect(kept.key.startsWith(KEPT_ASIDE_PREFIX)).toBe(true);
      expect(kept.detail).toContain(detail);
      expect(kept.at).toBe(NOW.getTime());
      expect(store.keptAsideText(kept.key)).toBe(raw);

      // New saves work and do not touch the kept value; reading again does not copy it twice.
      expect(store.update((lib) => addEntry(lib, lib.defaultListId, "fresh", NOW))).toBeNull();
      expect(storage.getItem(kept.key)).toBe(raw);
      expect(ready(createLibraryStore(storage, parseLibrary, clock)).keptAside).toHaveLength(1);

      store.discardKeptAside(kept.key);
      expect(ready(store).keptAside).toEqual([]);
      expect(storage.getItem(kept.key)).toBeNull();
    });

    it("of a newer version is left in place, untouched, and the store is read-only until a reload", () => {
      // An old tab during a rolling deploy must not wipe what the newer build stored.
      const raw = JSON.stringify({ version: LIBRARY_VERSION + 1, everything: "new" });
      const storage = new MemoryStorage();
      storage.setItem(STORAGE_KEY, raw);
      const store = createLibraryStore(storage, parseLibrary, clock);
      const snapshot = ready(store);
      expect(snapshot.readOnly).toMatch(/newer Paperdex; reload the page/);
      expect(snapshot.keptAside).toEqual([]);
      expect(storage.getItem(STORAGE_KEY)).toBe(raw);
      expect(store.update((lib) => addEntry(lib, lib.defaultListId, "a", NOW))).toMatch(/newer Paperdex/);
      expect(storage.getItem(STORAGE_KEY)).toBe(raw);
      expect(storage.items.size).toBe(1);
      // Once this page runs the newer build (here: the stored value is readable), it is writable again.
      storage.setItem(STORAGE_KEY, serializeLibrary(emptyLibrary(NOW)));
      store.refresh();
      expect(ready(store).readOnly).toBeNull();
    });

    it("stays read-only, leaving the value in place, when there is no room to keep a copy", () => {
      const raw = "x".repeat(60);
      const storage = new MemoryStorage(100);
      storage.setItem(STORAGE_KEY, raw);
      const store = createLibraryStore(storage, parseLibrary, clock);
      expect(ready(store).readOnly).toMatch(/could not be read/);
      expect(store.update((lib) => addEntry(lib, lib.defaultListId, "a", NOW))).toMatch(/could not be read/);
      expect(storage.getItem(STORAGE_KEY)).toBe(raw);
    });
  });

  it("says so when storage is full or missing, keeping the last saved library", () => {
    const storage = new MemoryStorage();
    const store = createLibraryStore(storage, parseLibrary, clock);
    const id = ready(store).library.defaultListId;
    expect(store.update((lib) => addEntry(lib, id, "short", NOW))).toBeNull();
    const saved = storage.getItem(STORAGE_KEY)!;
    storage.quota = STORAGE_KEY.length + saved.length + 50;
    expect(store.update((lib) => addEntry(lib, id, "a-".repeat(80) + "long", NOW))).toMatch(/full/);
    expect(storage.getItem(STORAGE_KEY)).toBe(saved);
    expect(ready(store).library.lists[0]!.entries.map((e) => e.slug)).toEqual(["short"]);

    const none = createLibraryStore(null, parseLibrary, clock);
    expect(none.getSnapshot()?.status).toBe("unavailable");
    expect(none.update((lib) => lib)).toMatch(/does not allow/);
  });

  it("has no snapshot and refuses changes until its validator is there (as while the page loads)", () => {
    const storage = new MemoryStorage();
    const store = createLibraryStore(storage, null, clock);
    let calls = 0;
    store.subscribe(() => calls++);
    expect(store.getSnapshot()).toBeNull();
    expect(store.update((lib) => addEntry(lib, lib.defaultListId, "a", NOW))).toMatch(/Not ready/);
    expect(storage.items.size).toBe(0);
    store.setParser(parseLibrary);
    expect(calls).toBe(1);
    expect(ready(store).library.lists).toHaveLength(1);
  });

  it("stores the order of a list as changed", () => {
    const storage = new MemoryStorage();
    let lib = emptyLibrary(NOW, "main");
    for (const slug of ["a", "b", "c"]) lib = addEntry(lib, "main", slug, NOW);
    storage.setItem(STORAGE_KEY, serializeLibrary(lib));
    const store = createLibraryStore(storage, parseLibrary, clock);
    store.update((l) => moveEntry(l, "main", "c", -2));
    const reread = ready(createLibraryStore(storage, parseLibrary, clock)).library;
    expect(reread.lists[0]!.entries.map((e) => e.slug)).toEqual(["c", "a", "b"]);
  });

  describe("an edit through applyChange", () => {
    it("announces what was saved when it went ahead", () => {
      const store = createLibraryStore(new MemoryStorage(), parseLibrary, clock);
      const id = ready(store).library.defaultListId;
      const result = applyChange(
        store,
        (lib) => addEntry(lib, id, "a", NOW),
        "Saved a",
        (lib) => addRefusal(lib, id, "a"),
      );
      expect(result).toEqual({ ok: true, message: "Saved a" });
      expect(ready(store).library.lists[0]!.entries.map((e) => e.slug)).toEqual(["a"]);
    });

    it("announces the refusal, not success, when the limits leave nothing to save", () => {
      const storage = new MemoryStorage();
      let lib: Library = emptyLibrary(NOW, "main");
      const entries = Array.from({ length: MAX_ENTRIES_PER_LIST }, (_, i) => ({ slug: `p-${i}`, addedAt: NOW.toISOString() }));
      lib = { ...lib, lists: [{ ...lib.lists[0]!, entries }] };
      for (let i = 1; i < MAX_LISTS; i++) lib = createList(lib, `List ${i}`, NOW, [], `list-${i}`).library;
      storage.setItem(STORAGE_KEY, serializeLibrary(lib));
      const store = createLibraryStore(storage, parseLibrary, clock);
      const before = storage.getItem(STORAGE_KEY);

      let made = null as string | null;
      const created = applyChange(
        store,
        (l) => {
          const result = createList(l, "One too many", NOW);
          made = result.listId;
          return result.library;
        },
        "Created the list One too many",
        createRefusal,
      );
      expect(created.ok).toBe(false);
      expect(created.message).toMatch(/most there can be/);
      expect(made).toBeNull();

      const added = applyChange(
        store,
        (l) => addEntry(l, "main", "new-one", NOW),
        "Saved",
        (l) => addRefusal(l, "main", "new-one"),
      );
      expect(added).toEqual({ ok: false, message: expect.stringMatching(/is full/) as unknown });
      expect(storage.getItem(STORAGE_KEY)).toBe(before);
    });
  });
});
