import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "@/lib/ingest/ingest";
import { searchParamsSchema } from "@/lib/search/params";
import { parseQuery } from "@/lib/search/query-syntax";
import { relaxedQueries } from "@/lib/search/relaxation";
import { searchPapers } from "@/lib/search/search";
import type { PaperDocument } from "@/lib/search/settings";
import { SEED_FILES } from "../support/fixtures";
import { createTestEnv } from "../support/test-env";

// The second stage of search (lib/search/relaxation.ts, rerank.ts) against the real
// Meilisearch on the seed papers: it reorders what the query and its relaxations match, and
// totals and facets count exactly those matches.

const env = await createTestEnv("relaxed");
const search = (query: Record<string, string | string[]>) => searchPapers(searchParamsSchema.parse(query));

beforeAll(async () => {
  await ingestFiles({ db: env.db, search: env.search, indexUid: env.indexUid }, { files: SEED_FILES });
});
afterAll(() => env.cleanup());

/** Every paper the query or one of its relaxations matches, by asking Meilisearch for each separately. */
async function unionOfRelaxations(q: string, filter?: string) {
  const papers = new Map<string, PaperDocument>();
  for (const query of [{ q, matchingStrategy: "frequency" as const }, ...relaxedQueries(parseQuery(q))]) {
    const result = await env.search.index<PaperDocument>(env.indexUid).search(query.q, {
      matchingStrategy: query.matchingStrategy,
      filter,
      hitsPerPage: 1000,
      attributesToRetrieve: ["slug", "topics", "hasCode", "title", "abstract"],
    });
    for (const hit of result.hits) papers.set(hit.slug, hit);
  }
  return papers;
}

const DESCRIBED = "pick pretraining data that predicts downstream ability";

describe("a query that describes a paper", () => {
  it("finds the paper though it lacks the query's rarest word, and says which words some results lack", async () => {
    const result = await search({ q: DESCRIBED });
    expect(result.hits[0]?.title).toBe("Predictive Data Selection: The Data That Predicts Is the Data That Teaches");
    expect(result.dropped[0]).toBe("pick");
    // Highlights come from the query's stems: "predicts" marks "Predictive".
    expect(result.hits[0]?.titleSegments.filter((s) => s.match).map((s) => s.text)).toContain("Predictive");
  });

  it("finds a paper that has only two of the query's rarest words, through a rare pair", async () => {
    const q = "grokking lottery tickets pretraining compression";
    const target = "Predictive Data Selection: The Data That Predicts Is the Data That Teaches";
    // The query and its ladder each require a word the paper lacks ("lottery", "tickets")…
    const ladderOnly = new Set<string>();
    for (const query of [
      q,
      ...relaxedQueries(parseQuery(q))
        .filter((r) => r.matchingStrategy === "frequency")
        .map((r) => r.q),
    ]) {
      const found = await env.search
        .index<PaperDocument>(env.indexUid)
        .search(query, { matchingStrategy: "frequency", limit: 1000 });
      for (const hit of found.hits) ladderOnly.add(hit.title);
    }
    expect(ladderOnly.size).toBeGreaterThan(0);
    expect(ladderOnly.has(target)).toBe(false);
    // …but it has "pretraining" and "compression", two of the five rarest.
    const result = await search({ q, perPage: "50" });
    expect(result.hits.map((h) => h.title)).toContain(target);
  });

  it("counts in totals and facets exactly the papers the query and its relaxations match", async () => {
    const union = await unionOfRelaxations(DESCRIBED);
    const result = await search({ q: DESCRIBED });
    expect(result.dropped.length).toBeGreaterThan(0);
    expect(union.size).toBeGreaterThan(relaxedQueries(parseQuery(DESCRIBED)).length);
    expect(result.total).toBe(union.size);
    const topicCounts: Record<string, number> = {};
    for (const paper of union.values()) for (const topic of paper.topics) topicCounts[topic] = (topicCounts[topic] ?? 0) + 1;
    expect(result.facets.topic).toEqual(topicCounts);
    const withCode = [...union.values()].filter((p) => p.hasCode).length;
    expect(result.facets.hasCode).toEqual({ true: withCode, false: union.size - withCode });
  });

  it("pages through those matches without repeating or inventing one", async () => {
    const union = await unionOfRelaxations(DESCRIBED);
    const seen: string[] = [];
    const pages = Math.min(3, Math.ceil(union.size / 10));
    for (let page = 1; page <= pages; page++) {
      const result = await search({ q: DESCRIBED, perPage: "10", page: String(page) });
      expect(result.dropped.length).toBeGreaterThan(0);
      expect(result.totalPages).toBe(Math.ceil(union.size / 10));
      seen.push(...result.hits.map((h) => h.slug));
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const slug of seen) expect(union.has(slug)).toBe(true);
  });

  it("keeps a facet's counts disjunctive and its filter applied", async () => {
    const all = await search({ q: DESCRIBED });
    const topic = Object.keys(all.facets.topic)[0]!;
    const filtered = await search({ q: DESCRIBED, topic });
    // Whether a query is relaxed does not depend on the filters: the notice and counts agree with the click.
    expect(filtered.dropped).toEqual(all.dropped);
    const union = await unionOfRelaxations(DESCRIBED, `topics = "${topic}"`);
    expect(filtered.total).toBe(union.size);
    for (const hit of filtered.hits) expect(hit.topics).toContain(topic);
    // The topic facet still counts the other topics, as without the selection.
    expect(filtered.facets.topic).toEqual(all.facets.topic);
  });

  it("shows the same order whatever the page size", async () => {
    const twenty = await search({ q: DESCRIBED, perPage: "20" });
    const single: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const result = await search({ q: DESCRIBED, perPage: "1", page: String(page) });
      expect(result.dropped).toEqual(twenty.dropped);
      single.push(...result.hits.map((h) => h.slug));
    }
    expect(single).toEqual(twenty.hits.slice(0, 4).map((h) => h.slug));
  });

  it("honours exclusions in every relaxed query", async () => {
    const q = "grokking robot manipulation policies -flow";
    const result = await search({ q });
    expect(result.dropped.length).toBeGreaterThan(0);
    expect(result.total).toBeGreaterThan(0);
    const union = await unionOfRelaxations(q);
    for (const paper of union.values()) expect(`${paper.title} ${paper.abstract}`).not.toMatch(/\bflow\b/i);
    for (const hit of result.hits) expect(union.has(hit.slug)).toBe(true);
  });

  it("serves the plain search when the relaxed stage runs over its time budget", async () => {
    const plain = await env.search
      .index<PaperDocument>(env.indexUid)
      .search(DESCRIBED, { matchingStrategy: "frequency", hitsPerPage: 20 });
    const result = await searchPapers(searchParamsSchema.parse({ q: DESCRIBED }), { relaxedBudgetMs: 0 });
    expect(result.dropped).toEqual([]);
    expect(result.hits.map((h) => h.slug)).toEqual(plain.hits.map((h) => h.slug));
    expect(result.total).toBe(plain.totalHits);
    // With time to spare, the same query is relaxed.
    expect((await search({ q: DESCRIBED })).dropped.length).toBeGreaterThan(0);
  });

  it("leaves keyword queries whose best hits have every word to Meilisearch's order", async () => {
    const result = await search({ q: "grokking lottery tickets" });
    expect(result.dropped).toEqual([]);
    const direct = await env.search
      .index<PaperDocument>(env.indexUid)
      .search("grokking lottery tickets", { matchingStrategy: "frequency", hitsPerPage: 20 });
    expect(result.hits.map((h) => h.slug)).toEqual(direct.hits.map((h) => h.slug));
    expect(result.total).toBe(direct.totalHits);
  });
});
