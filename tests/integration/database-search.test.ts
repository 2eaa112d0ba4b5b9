import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "@/lib/ingest/ingest";
import { databaseSearch, RANKED_WINDOW } from "@/lib/search/database-search";
import { MAX_PAGE, searchParamsSchema } from "@/lib/search/params";
import { createTestEnv } from "../support/test-env";
import { renderDigest } from "../../scripts/lib/corpus-render";

// The search that answers while Meilisearch is down, on more matches than it ranks in memory:
// its total counts every match, as its facet counts do, and every page of them can be read.

const DAYS = ["2025-03-10", "2025-03-11", "2025-03-12"];
const PER_DAY = 210;
const ADJECTIVES = ["Adaptive", "Frugal", "Hierarchical", "Robust", "Sparse", "Stable", "Streaming"]; // in alphabetical order
const NOUNS = ["Widgets", "Gadgets", "Sprockets", "Gizmos", "Flanges", "Cogs"];

/** Deterministic papers: every one mentions "quasilattice" unless it is one of the two misses. */
function paper(day: number, i: number) {
  const n = day * PER_DAY + i;
  const miss = n === 5 || n === 600;
  const inTitle = n % 9 === 0 && !miss;
  const withCode = n % 3 === 0;
  const title = `${ADJECTIVES[n % ADJECTIVES.length]} ${inTitle ? "Quasilattice " : ""}${NOUNS[n % NOUNS.length]} for Problem ${n}`;
  const abstract = [
    `We study problem number ${n} with a new method.`,
    miss ? "The method needs no special structure." : "The method builds a quasilattice over the inputs.",
    `Experiments on ${n % 7} benchmarks show steady gains.`,
    withCode ? `Code is available at https://github.com/paperdex-test/problem-${n}.` : "We will release our code later.",
  ].join(" ");
  return { id: String(n), title, abstract, date: DAYS[day]!, inTitle, withCode, miss };
}
const PAPERS = DAYS.flatMap((_, day) => Array.from({ length: PER_DAY }, (_, i) => paper(day, i)));
const matching = PAPERS.filter((p) => !p.miss);

let env: Awaited<ReturnType<typeof createTestEnv>>;
const search = (query: Record<string, string>) => databaseSearch(searchParamsSchema.parse(query));

/** Every hit over all pages of a search. */
async function allPages(query: Record<string, string>) {
  const first = await search({ ...query, perPage: "100" });
  const hits = [...first.hits];
  for (let page = 2; page <= first.totalPages; page++) {
    hits.push(...(await search({ ...query, perPage: "100", page: String(page) })).hits);
  }
  return { first, hits };
}

beforeAll(async () => {
  env = await createTestEnv("dbsearch");
  const files = DAYS.map((day, i) => {
    const file = path.join(env.dir, `${day}.txt`);
    writeFileSync(
      file,
      renderDigest(
        `Mar ${10 + i}`,
        PAPERS.filter((p) => p.date === day),
      ),
    );
    return file;
  });
  const summary = await ingestFiles({ db: env.db, search: env.search, indexUid: env.indexUid }, { files });
  expect(summary.newPapers).toBe(PAPERS.length);
}, 180_000);

afterAll(async () => {
  await env?.cleanup();
});

describe("the database search (Meilisearch down) with more matches than it ranks", () => {
  it("counts every match in its total, as its facets do", async () => {
    expect(matching.length).toBeGreaterThan(RANKED_WINDOW);
    const result = await search({ q: "quasilattice" });
    expect(result.total).toBe(matching.length);
    expect(result.facets.hasCode).toEqual({
      true: matching.filter((p) => p.withCode).length,
      false: matching.filter((p) => !p.withCode).length,
    });
    expect(result.facets.hasCode.true + result.facets.hasCode.false).toBe(result.total);
    expect(Object.values(result.facets.digest).reduce((a, b) => a + b, 0)).toBe(result.total);
    expect(result.totalPages).toBe(Math.ceil(matching.length / 20));

    const withCode = await search({ q: "quasilattice", hasCode: "true" });
    expect(withCode.total).toBe(result.facets.hasCode.true);
  });

  it("ranks title matches first, and pages past the ranked window reach every match once", async () => {
    const { first, hits } = await allPages({ q: "quasilattice" });
    expect(first.hits[0]!.title).toContain("Quasilattice");
    const slugs = hits.map((h) => h.slug);
    expect(slugs).toHaveLength(matching.length);
    expect(new Set(slugs).size).toBe(matching.length);
    expect(hits.filter((h) => /Problem (5|600)$/.test(h.title))).toEqual([]);
    // Within the window, every title match comes before every abstract-only match.
    const window = hits.slice(0, RANKED_WINDOW);
    const inTitle = window.map((h) => h.title.includes("Quasilattice"));
    expect(inTitle.indexOf(false)).toBe(inTitle.filter(Boolean).length);

    // A page that straddles the window's end joins the two parts without a gap or a repeat.
    const straddling = await search({ q: "quasilattice", perPage: "30", page: "17" }); // hits 480–509
    expect(straddling.hits.map((h) => h.slug)).toEqual(slugs.slice(480, 510));
  });

  it("pages every other order in the database, each match once", async () => {
    for (const sort of ["newest", "oldest", "title"]) {
      const { hits } = await allPages({ q: "quasilattice", sort });
      expect(hits, sort).toHaveLength(matching.length);
      expect(new Set(hits.map((h) => h.slug)).size, sort).toBe(matching.length);
    }
    // The first words (adjectives) sort the same in every collation SQLite and PostgreSQL use.
    const { hits } = await allPages({ q: "quasilattice", sort: "title" });
    const firstWords = hits.map((h) => ADJECTIVES.indexOf(h.title.split(" ")[0]!));
    expect(firstWords).toEqual([...firstWords].sort((a, b) => a - b));
  });

  it("offers no page past the last one a search may ask for", async () => {
    const result = await search({ perPage: "1" });
    expect(result.total).toBe(PAPERS.length);
    expect(result.totalPages).toBe(MAX_PAGE);
    expect((await search({ perPage: "1", page: String(MAX_PAGE) })).hits).toHaveLength(1);
  });
});
