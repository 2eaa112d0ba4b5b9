import { describe, expect, it } from "vitest";
import { addEntry, emptyLibrary, LIBRARY_VERSION, serializeLibrary } from "@/lib/reading-lists/document";
import { hidesSeen, withHideSeen } from "@/lib/reading-lists/hide-seen";
import { recordVisit } from "@/lib/reading-lists/record-visit";
import { parseLibrary } from "@/lib/reading-lists/schema";
import { createLibraryStore, STORAGE_KEY, type StorageLike } from "@/lib/reading-lists/store";
import { searchHref } from "@/lib/search/url";

const T0 = new Date("2026-01-02T03:04:05.000Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function storage(initial?: string): StorageLike & { items: Map<string, string> } {
  const items = new Map<string, string>(initial === undefined ? [] : [[STORAGE_KEY, initial]]);
  return {
    items,
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

describe("recordVisit (the header's, without the validator)", () => {
  it("starts a library with the visit when nothing is stored, and the store reads it", () => {
    const s = storage();
    expect(recordVisit(s, T0)).toEqual({ start: T0.toISOString(), last: T0.toISOString(), previous: null });
    const snapshot = createLibraryStore(s, parseLibrary).getSnapshot();
    expect(snapshot).toMatchObject({ status: "ready", readOnly: null, library: { visit: { start: T0.toISOString() } } });
  });

  it("changes only the visit of a stored library; a visit after the gap has the last one's start as previous", () => {
    const library = addEntry(emptyLibrary(T0), "default", "kept-paper", T0);
    const s = storage(serializeLibrary({ ...library, laterField: [1, 2] }));
    recordVisit(s, T0);
    const second = recordVisit(s, later(45));
    expect(second).toEqual({ start: later(45).toISOString(), last: later(45).toISOString(), previous: T0.toISOString() });
    expect(JSON.parse(s.items.get(STORAGE_KEY)!)).toEqual({ ...library, laterField: [1, 2], visit: second });
  });

  it("leaves alone what it cannot read or what a newer Paperdex wrote", () => {
    const s = storage("{not json");
    expect(recordVisit(s, T0)).toBeNull();
    expect(s.items.get(STORAGE_KEY)).toBe("{not json");
    const newer = JSON.stringify({ version: LIBRARY_VERSION + 1, visit: { start: T0.toISOString(), last: T0.toISOString() } });
    const n = storage(newer);
    expect(recordVisit(n, later(45))?.previous).toBe(T0.toISOString());
    expect(n.items.get(STORAGE_KEY)).toBe(newer);
  });

  it("does not write again within a minute of the last write", () => {
    const s = storage();
    recordVisit(s, T0);
    const written = s.items.get(STORAGE_KEY);
    recordVisit(s, later(0.5));
    expect(s.items.get(STORAGE_KEY)).toBe(written);
    recordVisit(s, later(2));
    expect(JSON.parse(s.items.get(STORAGE_KEY)!)).toMatchObject({
      visit: { start: T0.toISOString(), last: later(2).toISOString() },
    });
  });
});

describe("hide=seen in addresses", () => {
  it("is read from the page's parameters", () => {
    expect(hidesSeen({ hide: "seen" })).toBe(true);
    expect(hidesSeen({ hide: ["seen", "seen"] })).toBe(true);
    expect(hidesSeen({ hide: "other" })).toBe(false);
    expect(hidesSeen({})).toBe(false);
  });

  it("is set and removed keeping the other parameters", () => {
    expect(withHideSeen("/", true)).toBe("/?hide=seen");
    expect(withHideSeen("/?page=2", true)).toBe("/?page=2&hide=seen");
    expect(withHideSeen("/?hide=seen&page=2", false)).toBe("/?page=2");
    expect(withHideSeen("/digests/000_abc?hide=seen", false)).toBe("/digests/000_abc");
    expect(withHideSeen("/?page=2#papers", true)).toBe("/?page=2&hide=seen#papers");
    expect(withHideSeen("/digests/000_abc#top", true)).toBe("/digests/000_abc?hide=seen#top");
  });

  it("is kept by every search link (facets, sort, pages), not sent as a search parameter", () => {
    const state = { q: "lora", topic: [], digest: [], hasCode: undefined, since: undefined, sort: "relevance" as const, page: 2 };
    expect(searchHref({ ...state, hideSeen: true }, { topic: ["nlp"] })).toBe("/search?q=lora&topic=nlp&hide=seen");
    expect(searchHref({ ...state, hideSeen: true }, { page: 3 })).toBe("/search?q=lora&page=3&hide=seen");
    expect(searchHref({ ...state, hideSeen: true }, { hideSeen: false, page: 2 })).toBe("/search?q=lora&page=2");
    expect(searchHref(state)).toBe("/search?q=lora");
  });
});
