import { describe, expect, it } from "vitest";
import {
  addEntry,
  createList,
  defaultList,
  deleteList,
  emptyLibrary,
  exportLibrary,
  FIRST_LIST_ID,
  LIBRARY_VERSION,
  listsWith,
  addRefusal,
  createRefusal,
  MAX_ENTRIES_PER_LIST,
  MAX_LISTS,
  mergeLibraries,
  mergeSkippedText,
  moveEntry,
  removeEntry,
  renameList,
  replaceLibrary,
  restoreEntry,
  restoreList,
  serializeLibrary,
  toggleEntry,
  type Library,
} from "@/lib/reading-lists/document";
import { parseLibrary } from "@/lib/reading-lists/schema";

const T0 = new Date("2026-01-02T03:04:05.000Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function library(...slugs: string[]): Library {
  let lib = emptyLibrary(T0, "main");
  slugs.forEach((slug, i) => (lib = addEntry(lib, "main", slug, later(i))));
  return lib;
}

/** A library whose list "main" holds `count` papers p-0, p-1, … (built directly: adding one by one is slow). */
function withPapers(count: number): Library {
  const lib = emptyLibrary(T0, "main");
  const entries = Array.from({ length: count }, (_, i) => ({ slug: `p-${i}`, addedAt: T0.toISOString() }));
  return { ...lib, lists: [{ ...lib.lists[0]!, entries }] };
}

const slugsOf = (lib: Library, listId = lib.defaultListId) => lib.lists.find((l) => l.id === listId)?.entries.map((e) => e.slug);

function parsed(text: string): Library {
  const result = parseLibrary(text);
  if (!result.ok) throw new Error(result.detail);
  return result.library;
}

describe("the stored document", () => {
  it("starts with one default list and the current format version", () => {
    const lib = emptyLibrary(T0, "main");
    expect(lib).toEqual({
      version: LIBRARY_VERSION,
      defaultListId: "main",
      lists: [{ id: "main", name: "Reading list", createdAt: T0.toISOString(), entries: [] }],
    });
    expect(parsed(serializeLibrary(lib))).toEqual(lib);
  });

  describe("refuses what it cannot read, saying why", () => {
    it.each([
      ["not JSON", "{lists: [", "not-json"],
      ["a JSON array", "[]", "invalid"],
      ["no version", JSON.stringify({ lists: [] }), "invalid"],
      ["a version 0", JSON.stringify({ version: 0, defaultListId: "a", lists: [] }), "invalid"],
      ["a newer version", JSON.stringify({ version: LIBRARY_VERSION + 1, defaultListId: "a", lists: [] }), "newer-version"],
      [
        "an entry without a slug",
        JSON.stringify({ ...library("a"), lists: [{ ...library().lists[0], entries: [{ addedAt: T0 }] }] }),
        "invalid",
      ],
      [
        "a slug with spaces",
        JSON.stringify({ ...library(), lists: [{ ...library().lists[0], entries: [{ slug: "a b", addedAt: T0 }] }] }),
        "invalid",
      ],
      [
        "a date that is not a date",
        JSON.stringify({ ...library(), lists: [{ ...library().lists[0], createdAt: "yesterday" }] }),
        "invalid",
      ],
    ])("%s", (_, text, reason) => {
      const result = parseLibrary(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason).toBe(reason);
        expect(result.detail).not.toBe("");
      }
    });
  });

  it("keeps fields it does not know (a newer build's) through a read and a change", () => {
    const stored = { ...library("a"), laterField: { "paper-b": "2026-01-01T00:00:00.000Z" } };
    const lib = addEntry(parsed(JSON.stringify(stored)), "main", "c", later(5));
    expect(JSON.parse(serializeLibrary(lib))).toMatchObject({ laterField: stored.laterField });
    expect(slugsOf(lib)).toEqual(["a", "c"]);
  });

  it("repairs what a hand-edited file may break: duplicate papers and lists, a default that does not exist, no lists", () => {
    const base = library("a", "b");
    const list = base.lists[0]!;
    const messy = {
      ...base,
      defaultListId: "gone",
      lists: [
        { ...list, entries: [...list.entries, list.entries[0]] },
        { ...list, name: "Copy" },
      ],
    };
    const lib = parsed(JSON.stringify(messy));
    expect(lib.lists).toHaveLength(1);
    expect(slugsOf(lib)).toEqual(["a", "b"]);
    expect(lib.defaultListId).toBe("main");

    const none = parsed(JSON.stringify({ version: 1, defaultListId: "x", lists: [] }));
    expect(none.lists).toHaveLength(1);
    expect(defaultList(none).name).toBe("Reading list");
  });
});

describe("lists and their papers", () => {
  it("adds at the end, keeps the first date of a paper saved twice, and toggles off", () => {
    let lib = library("a", "b");
    lib = addEntry(lib, "main", "a", later(60));
    expect(defaultList(lib).entries.map((e) => [e.slug, e.addedAt])).toEqual([
      ["a", later(0).toISOString()],
      ["b", later(1).toISOString()],
    ]);
    lib = toggleEntry(lib, "main", "c", later(2));
    expect(slugsOf(lib)).toEqual(["a", "b", "c"]);
    lib = toggleEntry(lib, "main", "b", later(3));
    expect(slugsOf(lib)).toEqual(["a", "c"]);
  });

  it("keeps the order it is given: moves up and down, clamped at the ends", () => {
    let lib = library("a", "b", "c", "d");
    lib = moveEntry(lib, "main", "c", -1);
    expect(slugsOf(lib)).toEqual(["a", "c", "b", "d"]);
    lib = moveEntry(lib, "main", "a", -1);
    expect(slugsOf(lib)).toEqual(["a", "c", "b", "d"]);
    lib = moveEntry(lib, "main", "a", 1);
    expect(slugsOf(lib)).toEqual(["c", "a", "b", "d"]);
    lib = moveEntry(lib, "main", "d", 5);
    expect(slugsOf(lib)).toEqual(["c", "a", "b", "d"]);
    // The order survives storage.
    expect(slugsOf(parsed(serializeLibrary(lib)))).toEqual(["c", "a", "b", "d"]);
  });

  it("removes and puts back an entry at its place", () => {
    const lib = library("a", "b", "c");
    const entry = defaultList(lib).entries[1]!;
    const removed = removeEntry(lib, "main", "b");
    expect(slugsOf(removed)).toEqual(["a", "c"]);
    expect(restoreEntry(removed, "main", entry, 1)).toEqual(lib);
  });

  it("creates, renames and finds the lists that hold a paper", () => {
    const { library: lib, listId } = createList(library("a"), "  Thesis   reading ", later(1), [], "thesis");
    expect(listId).toBe("thesis");
    expect(createList(lib, "   ", later(1)).listId).toBeNull();
    const renamed = renameList(addEntry(lib, "thesis", "a", later(2)), "thesis", "Thesis");
    expect(renamed.lists.map((l) => l.name)).toEqual(["Reading list", "Thesis"]);
    expect(listsWith(renamed, "a").map((l) => l.id)).toEqual(["main", "thesis"]);
    expect(renameList(renamed, "thesis", " ")).toBe(renamed);
  });

  it("deletes a list with undo, the default moving on and coming back", () => {
    const two = createList(library("a"), "Other", later(1), [{ slug: "z", addedAt: T0.toISOString() }], "other").library;
    const { library: without, deleted } = deleteList(two, "main", later(2));
    expect(without.lists.map((l) => l.id)).toEqual(["other"]);
    expect(without.defaultListId).toBe("other");
    expect(restoreList(without, deleted!)).toEqual(two);

    const one = library("a");
    const { library: empty, deleted: only } = deleteList(one, "main", later(3));
    expect(empty.lists).toHaveLength(1);
    expect(empty.lists[0]!.entries).toEqual([]);
    expect(restoreList(empty, only!)).toEqual(one);

    // The first list of a new library has the same id as the empty one that replaces it.
    const fresh = addEntry(emptyLibrary(T0), FIRST_LIST_ID, "a", T0);
    const { library: replaced, deleted: first } = deleteList(fresh, FIRST_LIST_ID, later(4));
    expect(replaced.lists.map((l) => [l.id, l.entries.length])).toEqual([[FIRST_LIST_ID, 0]]);
    expect(restoreList(replaced, first!)).toEqual(fresh);
  });
});

describe("export and import", () => {
  it("round-trips the whole document through an export file", () => {
    let lib = createList(library("a", "b"), "Other", later(1), [], "other").library;
    lib = addEntry(lib, "other", "c", later(2));
    const file = exportLibrary(lib, later(10));
    expect(JSON.parse(file)).toMatchObject({ version: LIBRARY_VERSION, exportedAt: later(10).toISOString() });
    expect(replaceLibrary(parsed(file))).toEqual(lib);
  });

  it("merges: same list by id or by name gets the missing papers appended, other lists are added, the default stays", () => {
    let mine = createList(library("a", "b"), "Thesis", later(1), [], "thesis-mine").library;
    mine = addEntry(mine, "thesis-mine", "t1", later(2));
    let theirs = createList(library("b", "c"), "THESIS", later(3), [], "thesis-theirs").library;
    theirs = addEntry(theirs, "thesis-theirs", "t2", later(4));
    theirs = createList(theirs, "New", later(5), [{ slug: "n", addedAt: T0.toISOString() }], "new").library;
    theirs = { ...theirs, defaultListId: "new", laterField: { x: "y" } };

    const { library: merged, skipped } = mergeLibraries(mine, parsed(exportLibrary(theirs, later(6))));
    expect(skipped).toEqual({ lists: [], papers: 0 });
    expect(merged.lists.map((l) => [l.id, l.entries.map((e) => e.slug)])).toEqual([
      ["main", ["a", "b", "c"]],
      ["thesis-mine", ["t1", "t2"]],
      ["new", ["n"]],
    ]);
    expect(merged.defaultListId).toBe("main");
    expect(merged).toMatchObject({ laterField: { x: "y" } });
    expect(merged).not.toHaveProperty("exportedAt");
    // Importing the same file again changes nothing.
    expect(mergeLibraries(merged, parsed(exportLibrary(theirs, later(7)))).library).toEqual(merged);
  });

  it("says what a merge left out at the limits: lists beyond MAX_LISTS, papers beyond a full list", () => {
    let mine = withPapers(MAX_ENTRIES_PER_LIST - 1);
    for (let i = mine.lists.length; i < MAX_LISTS; i++) mine = createList(mine, `Mine ${i}`, T0, [], `mine-${i}`).library;
    let theirs = emptyLibrary(T0, "main");
    theirs = addEntry(addEntry(addEntry(theirs, "main", "p-0", T0), "main", "q-1", T0), "main", "q-2", T0);
    theirs = createList(theirs, "Extra one", T0, [], "extra-1").library;
    theirs = createList(theirs, "Extra two", T0, [], "extra-2").library;

    const { library: merged, skipped } = mergeLibraries(mine, theirs);
    expect(skipped).toEqual({ lists: ["Extra one", "Extra two"], papers: 1 });
    expect(mergeSkippedText(skipped)).toBe(
      " 2 lists were not added (at most 100 lists): Extra one, Extra two; 1 paper was not added to full lists (at most 5,000 papers each).",
    );
    expect(mergeSkippedText({ lists: [], papers: 0 })).toBe("");
    expect(merged.lists).toHaveLength(MAX_LISTS);
    expect(slugsOf(merged, "main")).toHaveLength(MAX_ENTRIES_PER_LIST);
    expect(slugsOf(merged, "main")!.at(-1)).toBe("q-1");
  });

  it("says why adding or creating would change nothing at the limits", () => {
    let full = withPapers(MAX_ENTRIES_PER_LIST);
    expect(addRefusal(full, "main", "another")).toMatch(/is full .*nothing was saved/);
    expect(addEntry(full, "main", "another", T0)).toEqual(full);
    // Already there, or room left: no refusal.
    expect(addRefusal(full, "main", "p-3")).toBeNull();
    expect(addRefusal(library("a"), "main", "b")).toBeNull();
    expect(addRefusal(full, "gone", "b")).toMatch(/no longer exists/);

    expect(createRefusal(full)).toBeNull();
    for (let i = full.lists.length; i < MAX_LISTS; i++) full = createList(full, `L${i}`, T0, [], `l-${i}`).library;
    expect(createRefusal(full)).toMatch(/most there can be/);
    expect(createList(full, "One more", T0).listId).toBeNull();
  });
});
