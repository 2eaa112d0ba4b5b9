import { describe, expect, it } from "vitest";
import { parseQuery } from "@/lib/search/query-syntax";
import { wantedTerms } from "@/lib/search/relaxation";
import { rerank } from "@/lib/search/rerank";
import { pageWindow } from "@/lib/search/search";
import { distanceWithin, typoVariants } from "@/lib/search/typos";

const paper = (title: string, abstract: string, searchScore = 0.5) => ({ title, abstract, searchScore });
const wanted = (q: string) => wantedTerms(parseQuery(q));

describe("re-ranking by the terms a paper shares with the query", () => {
  it("puts the paper with the query's rare words above one with only its common words", () => {
    const common = paper("A learning model", "We train a learning model and a second model for learning.");
    const rare = paper("Abdominal cavity masks", "Segmentation of the abdominal cavity in CT.");
    expect(rerank(wanted("learning model abdominal cavity segmentation"), [common, rare]).map((p) => p.title)).toEqual([
      "Abdominal cavity masks",
      "A learning model",
    ]);
  });

  it("lets Meilisearch's score decide between papers with the same terms, and keeps ties in order", () => {
    const query = wanted("sparse attention kernels");
    const a = paper("Sparse attention kernels", "Fast kernels.", 0.5);
    const b = paper("Sparse attention kernels", "Fast kernels.", 0.9);
    expect(rerank(query, [a, b])).toEqual([b, a]);
    expect(rerank(query, [a, { ...a }])[0]).toBe(a);
  });

  it("credits a typo with the word it stands for, weighed like that word", () => {
    // "cavty" is a typo of "cavity"; "languge" of the very common "language", which must not
    // weigh like a rare word and outrank the paper with the query's rare terms.
    const typo = paper("Abdominal cavity masks", "Masks of the abdominal cavity.");
    const other = paper("Language models", "Language models and more language.");
    expect(rerank(wanted("abdominal cavty"), [other, typo])[0]).toBe(typo);
    expect(rerank(wanted("languge abdominal cavty"), [other, typo])[0]).toBe(typo);
  });
});

describe("typos as Meilisearch counts them", () => {
  it("allows none below five letters, one from five, two from nine", () => {
    expect(typoVariants("cavt", ["cavity", "cave"])).toEqual([]);
    expect(typoVariants("cavty", ["cavity", "cavities"])).toEqual(["cavity"]);
    expect(typoVariants("memorizaton", ["memorization", "memoization"])).toEqual(["memorization", "memoization"]);
    expect(distanceWithin("kitten", "sitting", 2)).toBe(3);
    expect(distanceWithin("kitten", "sitting", 3)).toBe(3);
  });
});

describe("a relaxed search's pages", () => {
  it("take the re-ranked head, then Meilisearch's order after it, without gaps or overlaps", () => {
    expect(pageWindow(1, 20, 200, 10_000)).toEqual({ head: { start: 0, end: 20 }, tail: null });
    expect(pageWindow(10, 20, 200, 10_000)).toEqual({ head: { start: 180, end: 200 }, tail: null });
    expect(pageWindow(7, 30, 200, 10_000)).toEqual({ head: { start: 180, end: 200 }, tail: { offset: 200, limit: 10 } });
    expect(pageWindow(11, 20, 200, 10_000)).toEqual({ head: null, tail: { offset: 200, limit: 20 } });
    expect(pageWindow(500, 20, 200, 10_000)).toEqual({ head: null, tail: { offset: 9_980, limit: 20 } });
    expect(pageWindow(600, 20, 200, 10_000)).toEqual({ head: null, tail: null });
    // Every position of the first 1,000 is served exactly once, for several page sizes.
    for (const perPage of [1, 7, 20, 30, 100]) {
      const served: number[] = [];
      for (let page = 1; page * perPage <= 1_000; page++) {
        const { head, tail } = pageWindow(page, perPage, 200, 10_000);
        if (head) for (let i = head.start; i < head.end; i++) served.push(i);
        if (tail) for (let i = tail.offset; i < tail.offset + tail.limit; i++) served.push(i);
      }
      expect(served).toEqual(Array.from({ length: served.length }, (_, i) => i));
    }
  });
});
