import { describe, expect, it } from "vitest";
import {
  addEntry,
  emptyLibrary,
  exportLibrary,
  replaceLibrary,
  serializeLibrary,
  type Library,
} from "@/lib/reading-lists/document";
import { parseLibrary } from "@/lib/reading-lists/schema";
import {
  digestVisited,
  isNotInterested,
  markDigestVisited,
  markNotInterested,
  markPapersSeen,
  MAX_NOT_INTERESTED,
  mergeImport,
  MAX_SEEN_PAPERS,
  notInterestedIn,
  paperSeenAt,
  restoreInterest,
  seconds,
} from "@/lib/reading-lists/seen";
import { isNewSince, VISIT_GAP_MS, visitAt, visitNeedsWrite, type Visit } from "@/lib/reading-lists/visit";

const T0 = new Date("2026-01-02T03:04:05.000Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function parsed(text: string): Library {
  const result = parseLibrary(text);
  if (!result.ok) throw new Error(result.detail);
  return result.library;
}

describe("seen papers and digests", () => {
  it("records when a paper was first shown; showing it again changes nothing (the same object: no write)", () => {
    const lib = markPapersSeen(emptyLibrary(T0), ["a", "b"], later(1));
    expect(paperSeenAt(lib, "a")).toBe(seconds(later(1)));
    expect(paperSeenAt(lib, "c")).toBeUndefined();
    const again = markPapersSeen(lib, ["b", "a"], later(5));
    expect(again).toBe(lib);
    const more = markPapersSeen(lib, ["a", "c"], later(9));
    expect(paperSeenAt(more, "a")).toBe(seconds(later(1)));
    expect(paperSeenAt(more, "c")).toBe(seconds(later(9)));
  });

  it("keeps only the newest MAX_SEEN_PAPERS papers", () => {
    const many = Array.from({ length: MAX_SEEN_PAPERS }, (_, i) => `p-${i}`);
    let lib = markPapersSeen(emptyLibrary(T0), many, later(1));
    lib = markPapersSeen(lib, ["newer-1", "newer-2"], later(2));
    const papers = Object.keys(lib.seen!.papers);
    expect(papers).toHaveLength(MAX_SEEN_PAPERS);
    expect(paperSeenAt(lib, "newer-1")).toBe(seconds(later(2)));
    expect(paperSeenAt(lib, "newer-2")).toBe(seconds(later(2)));
    // The seen set stays well under localStorage's few megabytes even with long slugs.
    expect(serializeLibrary(lib).length).toBeLessThan(MAX_SEEN_PAPERS * 30);
  });

  it("records visited digests", () => {
    const lib = markDigestVisited(emptyLibrary(T0), "000_abc", later(1));
    expect(digestVisited(lib, "000_abc")).toBe(true);
    expect(digestVisited(lib, "001_def")).toBe(false);
    expect(markDigestVisited(lib, "000_abc", later(2))).toBe(lib);
  });

  it("survives a round trip through storage, and a broken seen set or visit is dropped, not the lists", () => {
    let lib = addEntry(emptyLibrary(T0), "default", "kept", T0);
    lib = markPapersSeen(lib, ["a"], later(1));
    lib = { ...lib, visit: visitAt(undefined, later(1)) };
    lib = markNotInterested(lib, "dull", later(2));
    expect(parsed(serializeLibrary(lib))).toEqual(lib);

    const broken = parsed(
      JSON.stringify({ ...lib, seen: { papers: { a: "yesterday" }, digests: {} }, visit: { start: "soon" } }),
    );
    expect(broken.seen).toBeUndefined();
    expect(broken.visit).toBeUndefined();
    expect(broken.lists[0]!.entries.map((e) => e.slug)).toEqual(["kept"]);
    expect(broken.notInterested).toEqual(lib.notInterested);
  });

  it("refuses a document whose papers not interested in are not papers (like a broken list)", () => {
    const lib = emptyLibrary(T0);
    const result = parseLibrary(JSON.stringify({ ...lib, notInterested: [{ slug: "Not A Slug", at: T0.toISOString() }] }));
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
  });
});

describe("not interested", () => {
  it("hides a paper once, newest first, and restores it", () => {
    let lib = markNotInterested(emptyLibrary(T0), "a", later(1));
    lib = markNotInterested(lib, "b", later(2));
    expect(markNotInterested(lib, "a", later(3))).toBe(lib);
    expect(notInterestedIn(lib)).toEqual([
      { slug: "b", at: later(2).toISOString() },
      { slug: "a", at: later(1).toISOString() },
    ]);
    expect(isNotInterested(lib, "a")).toBe(true);
    const restored = restoreInterest(lib, "a");
    expect(isNotInterested(restored, "a")).toBe(false);
    expect(restoreInterest(restored, "a")).toBe(restored);
  });

  it("forgets the oldest beyond MAX_NOT_INTERESTED", () => {
    let lib: Library = {
      ...emptyLibrary(T0),
      notInterested: Array.from({ length: MAX_NOT_INTERESTED }, (_, i) => ({ slug: `p-${i}`, at: T0.toISOString() })),
    };
    lib = markNotInterested(lib, "newest", later(1));
    expect(notInterestedIn(lib)).toHaveLength(MAX_NOT_INTERESTED);
    expect(notInterestedIn(lib)[0]!.slug).toBe("newest");
    expect(isNotInterested(lib, `p-${MAX_NOT_INTERESTED - 1}`)).toBe(false);
  });

  it("goes out with the export and comes back with an import: merged as a union, or replaced", () => {
    let mine = markNotInterested(emptyLibrary(T0), "mine", later(1));
    mine = markPapersSeen(mine, ["both", "only-mine"], later(5));
    mine = { ...mine, visit: visitAt(undefined, later(5)) };
    let theirs = markNotInterested(emptyLibrary(T0, "theirs"), "theirs", later(2));
    theirs = markNotInterested(theirs, "mine", later(3));
    theirs = markPapersSeen(theirs, ["both", "only-theirs"], later(1));
    theirs = { ...theirs, visit: visitAt(undefined, later(1)) };
    const file = exportLibrary(theirs, later(6));
    expect(JSON.parse(file)).toMatchObject({ notInterested: theirs.notInterested, seen: theirs.seen });

    const { library: merged } = mergeImport(mine, parsed(file));
    expect(notInterestedIn(merged).map((n) => n.slug)).toEqual(["mine", "theirs"]);
    expect(paperSeenAt(merged, "both")).toBe(seconds(later(1)));
    expect(paperSeenAt(merged, "only-mine")).toBe(seconds(later(5)));
    expect(paperSeenAt(merged, "only-theirs")).toBe(seconds(later(1)));
    expect(merged.visit).toEqual(mine.visit);
    // Merging the same file again changes nothing.
    expect(mergeImport(merged, parsed(file)).library).toEqual(merged);

    expect(notInterestedIn(replaceLibrary(parsed(file))).map((n) => n.slug)).toEqual(["mine", "theirs"]);
  });
});

describe("visits", () => {
  const iso = (d: Date) => d.toISOString();

  it("a first page load starts a visit with no previous one", () => {
    expect(visitAt(undefined, T0)).toEqual({ start: iso(T0), last: iso(T0), previous: null });
    expect(visitAt({ start: "garbage" }, T0)).toEqual({ start: iso(T0), last: iso(T0), previous: null });
  });

  it("page loads less than 30 minutes apart are one visit, however long it lasts", () => {
    let visit = visitAt(undefined, T0);
    for (let minute = 20; minute <= 200; minute += 20) visit = visitAt(visit, later(minute));
    expect(visit).toEqual({ start: iso(T0), last: iso(later(200)), previous: null });
  });

  it("a gap of 30 minutes or more starts a new visit; the last visit is when the one before began", () => {
    const first = visitAt(visitAt(undefined, T0), later(10));
    const second = visitAt(first, new Date(later(10).getTime() + VISIT_GAP_MS));
    expect(second).toEqual({ start: iso(later(40)), last: iso(later(40)), previous: iso(T0) });
    const third = visitAt(visitAt(second, later(50)), later(200));
    expect(third.previous).toBe(iso(later(40)));
  });

  it("a page load just before the gap and a clock set back a little continue the visit", () => {
    const visit = visitAt(undefined, T0);
    expect(visitAt(visit, new Date(T0.getTime() + VISIT_GAP_MS - 1)).start).toBe(iso(T0));
    expect(visitAt(visit, later(-5))).toEqual({ start: iso(T0), last: iso(T0), previous: null });
  });

  it("is written when it starts and then at most once a minute", () => {
    const visit = visitAt(undefined, T0);
    expect(visitNeedsWrite(undefined, visit)).toBe(true);
    expect(visitNeedsWrite(visit, visitAt(visit, later(0.5)))).toBe(false);
    expect(visitNeedsWrite(visit, visitAt(visit, later(1)))).toBe(true);
    expect(visitNeedsWrite(visit, visitAt(visit, later(45)))).toBe(true);
  });

  it("a paper is new when it was first stored after the last visit began; nothing is new on a first visit", () => {
    const second: Visit = visitAt(visitAt(undefined, T0), later(60));
    expect(isNewSince(iso(later(1)), second)).toBe(true);
    expect(isNewSince(iso(later(-1)), second)).toBe(false);
    expect(isNewSince(iso(T0), second)).toBe(false);
    expect(isNewSince(iso(later(1)), visitAt(undefined, T0))).toBe(false);
    expect(isNewSince(undefined, second)).toBe(false);
  });
});
