import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../support/memory-storage";
import {
  deleteSearch,
  emptySavedSearches,
  exportSavedSearches,
  markOpened,
  MAX_SAVED_SEARCHES,
  mergeSavedSearches,
  newSinceQuery,
  renameSearch,
  restoreSearch,
  saveRefusal,
  saveSearch,
  serializeSavedSearches,
  stateOfQuery,
  type SavedSearches,
} from "@/lib/saved-searches/document";
import { defaultSearchName, savedQueryOf } from "@/lib/saved-searches/from-search";
import { parseSavedSearches } from "@/lib/saved-searches/schema";
import { createSavedSearchStore, KEPT_ASIDE_PREFIX, NEWER_VERSION, STORAGE_KEY } from "@/lib/saved-searches/store";
import { searchHref } from "@/lib/search/url";

const T0 = new Date("2026-11-23T08:00:00.000Z");
const T1 = new Date("2026-11-24T09:30:00.000Z");

function withSearches(...queries: string[]): SavedSearches {
  return queries.reduce((doc, query, i) => saveSearch(doc, query, `search ${i}`, T0, `id${i}`), emptySavedSearches());
}

describe("saved searches document", () => {
  it("saves a search with its name, opened now; saving it again renames it", () => {
    const doc = saveSearch(emptySavedSearches(), "q=lora", "  LoRA   papers ", T0, "a");
    expect(doc.searches).toEqual([
      { id: "a", name: "LoRA papers", query: "q=lora", createdAt: T0.toISOString(), lastOpenedAt: T0.toISOString() },
    ]);
    const again = saveSearch(doc, "q=lora", "Adapters", T1, "b");
    expect(again.searches).toHaveLength(1);
    expect(again.searches[0]).toMatchObject({ id: "a", name: "Adapters", lastOpenedAt: T0.toISOString() });
    expect(saveSearch(doc, "q=x", "   ", T1)).toBe(doc);
  });

  it("refuses a new search past the limit, but not a rename of one already saved", () => {
    const full = withSearches(...Array.from({ length: MAX_SAVED_SEARCHES }, (_, i) => `q=w${i}`));
    expect(saveRefusal(full, "q=new")).toMatch(/already have 200 saved searches/);
    expect(saveSearch(full, "q=new", "New", T1)).toBe(full);
    expect(saveRefusal(full, "q=w3")).toBeNull();
  });

  it("renames, deletes and undoes the deletion in place", () => {
    const doc = withSearches("q=a", "q=b", "q=c");
    expect(renameSearch(doc, "id1", "Bees").searches[1]!.name).toBe("Bees");
    expect(renameSearch(doc, "id1", "search 1")).toBe(doc);
    const { document, deleted } = deleteSearch(doc, "id1");
    expect(document.searches.map((s) => s.query)).toEqual(["q=a", "q=c"]);
    expect(restoreSearch(document, deleted!)).toEqual(doc);
    // The same search saved again meanwhile: the undo leaves it alone.
    const resaved = saveSearch(document, "q=b", "again", T1, "z");
    expect(restoreSearch(resaved, deleted!)).toBe(resaved);
  });

  it("marks a saved search opened, and leaves the document alone for one not saved", () => {
    const doc = withSearches("q=a", "q=b");
    const opened = markOpened(doc, "q=b", T1);
    expect(opened.searches.map((s) => s.lastOpenedAt)).toEqual([T0.toISOString(), T1.toISOString()]);
    expect(markOpened(doc, "q=other", T1)).toBe(doc);
  });

  it("counts new papers from when it was opened, or from its own later since", () => {
    const [search] = withSearches("q=lora&topic=reasoning").searches;
    expect(new URLSearchParams(newSinceQuery(search!)).getAll("since")).toEqual([T0.toISOString()]);
    const later = { ...search!, query: "q=lora&since=2026-12-01" };
    expect(new URLSearchParams(newSinceQuery(later)).getAll("since")).toEqual(["2026-12-01"]);
    const earlier = { ...search!, query: "since=2026-01-01&q=lora" };
    expect(new URLSearchParams(newSinceQuery(earlier)).getAll("since")).toEqual([T0.toISOString()]);
  });

  it("reads a stored query back as the search page's state, which writes the same query", () => {
    for (const query of ["", "q=lora", "q=a+%22b%22&topic=x-y&topic=z&digest=d_1&hasCode=false&since=2026-11-23&sort=newest"]) {
      expect(searchHref(stateOfQuery(query))).toBe(query ? `/search?${query}` : "/search");
    }
  });

  it("merges an import: new searches added, ones already here kept as they are, the limit respected", () => {
    const here = withSearches("q=a", "q=b");
    const incoming = { ...withSearches("q=b", "q=c"), extra: true };
    const { document, added, skipped } = mergeSavedSearches(renameSearch(here, "id1", "mine"), incoming);
    expect(document.searches.map((s) => [s.query, s.name])).toEqual([
      ["q=a", "search 0"],
      ["q=b", "mine"],
      ["q=c", "search 1"],
    ]);
    expect(new Set(document.searches.map((s) => s.id)).size).toBe(3);
    expect({ added, skipped }).toEqual({ added: 1, skipped: 0 });
    const full = withSearches(...Array.from({ length: MAX_SAVED_SEARCHES }, (_, i) => `q=w${i}`));
    expect(mergeSavedSearches(full, incoming)).toMatchObject({ added: 0, skipped: 2 });
  });

  it("exports a file that reads back as the same document", () => {
    const doc = { ...withSearches("q=a", "topic=x"), futureField: [1] };
    const parsed = parseSavedSearches(exportSavedSearches(doc));
    expect(parsed).toEqual({ ok: true, document: doc });
  });
});

describe("parseSavedSearches", () => {
  it.each([
    ["not json", "not-json"],
    ["[]", "invalid"],
    ['{"searches": []}', "invalid"],
    ['{"version": 1, "searches": [{"id": "a"}]}', "invalid"],
    [
      '{"version": 1, "searches": [{"id": "a", "name": "x", "query": "?q=a b", "createdAt": "2026-11-23T08:00:00Z", "lastOpenedAt": "2026-11-23T08:00:00Z"}]}',
      "invalid",
    ],
    ['{"version": 2, "searches": []}', "newer-version"],
  ])("refuses %s (%s)", (text, reason) => {
    expect(parseSavedSearches(text)).toMatchObject({ ok: false, reason });
  });

  it("keeps the first of repeated ids or searches", () => {
    const doc = withSearches("q=a", "q=b");
    const repeated = { ...doc, searches: [...doc.searches, { ...doc.searches[0]!, id: "other" }, doc.searches[1]!] };
    const parsed = parseSavedSearches(JSON.stringify(repeated));
    expect(parsed.ok && parsed.document.searches).toEqual(doc.searches);
  });
});

describe("saved searches store", () => {
  it("has no snapshot until the validator is loaded, then reads and writes its own key", () => {
    const storage = new MemoryStorage();
    storage.setItem("paperdex:library", "lists stay theirs");
    const store = createSavedSearchStore(storage, null, () => T0);
    expect(store.getSnapshot()).toBeNull();
    store.setParser(parseSavedSearches);
    expect(store.getSnapshot()).toMatchObject({ status: "ready", document: emptySavedSearches(), readOnly: null });
    expect(store.update((doc) => saveSearch(doc, "q=a", "A", T0, "a"))).toBeNull();
    expect(parseSavedSearches(storage.getItem(STORAGE_KEY)!)).toEqual({
      ok: true,
      document: saveSearch(emptySavedSearches(), "q=a", "A", T0, "a"),
    });
    expect(storage.getItem("paperdex:library")).toBe("lists stay theirs");
  });

  it("starts from what another tab stored, not from its own older snapshot", () => {
    const storage = new MemoryStorage();
    const store = createSavedSearchStore(storage, parseSavedSearches);
    store.getSnapshot();
    storage.setItem(STORAGE_KEY, serializeSavedSearches(withSearches("q=other-tab")));
    store.update((doc) => saveSearch(doc, "q=mine", "Mine", T0, "m"));
    const parsed = parseSavedSearches(storage.getItem(STORAGE_KEY)!);
    expect(parsed.ok && parsed.document.searches.map((s) => s.query)).toEqual(["q=other-tab", "q=mine"]);
  });

  it("keeps an unreadable value aside before writing, and leaves a newer version untouched (read-only)", () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, "{broken");
    const store = createSavedSearchStore(storage, parseSavedSearches, () => T0);
    const snapshot = store.getSnapshot();
    expect(snapshot).toMatchObject({ status: "ready", readOnly: null, keptAside: [{ detail: "it is not JSON" }] });
    const kept = snapshot!.status === "ready" ? snapshot!.keptAside[0]!.key : "";
    expect(kept.startsWith(KEPT_ASIDE_PREFIX)).toBe(true);
    expect(store.keptAsideText(kept)).toBe("{broken");

    const newer = '{"version": 9, "searches": "whatever"}';
    const other = new MemoryStorage();
    other.setItem(STORAGE_KEY, newer);
    const readOnly = createSavedSearchStore(other, parseSavedSearches);
    expect(readOnly.getSnapshot()).toMatchObject({ status: "ready", readOnly: NEWER_VERSION });
    expect(readOnly.update((doc) => saveSearch(doc, "q=a", "A", T0))).toBe(NEWER_VERSION);
    expect(other.getItem(STORAGE_KEY)).toBe(newer);
  });

  it("says so when the storage is full, and keeps what was there", () => {
    const storage = new MemoryStorage(200);
    const store = createSavedSearchStore(storage, parseSavedSearches);
    expect(store.update((doc) => saveSearch(doc, `q=${"x".repeat(300)}`, "Long", T0))).toMatch(/storage for this site is full/);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });
});

describe("savedQueryOf and defaultSearchName", () => {
  const state = {
    q: "lora",
    topic: ["reasoning"],
    digest: [],
    hasCode: true,
    since: "2026-11-23",
    sort: "newest" as const,
    page: 3,
  };
  const names = { topic: (slug: string) => slug.toUpperCase(), digest: (id: string) => id, since: (s: string) => `<${s}>` };

  it("saves the search's words, filters and order, without its page", () => {
    expect(savedQueryOf(state)).toBe("q=lora&topic=reasoning&hasCode=true&since=2026-11-23&sort=newest");
    expect(savedQueryOf({ ...state, q: "", topic: [], hasCode: undefined, since: undefined, sort: "relevance" })).toBe("");
  });

  it("names it by its words and filters", () => {
    expect(defaultSearchName(state, names)).toBe("lora · REASONING · with code · added since <2026-11-23> · newest first");
    expect(
      defaultSearchName({ ...state, q: "", topic: [], hasCode: undefined, since: undefined, sort: "relevance" }, names),
    ).toBe("All papers");
  });
});
