import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as searchApi } from "@/app/api/search/route";
import { exportHandler } from "@/lib/export/handler";
import { ingestFiles } from "@/lib/ingest/ingest";
import { compareIndex } from "@/lib/indexing/sync";
import { waitFor } from "@/lib/indexing/tasks";
import { databaseSearch } from "@/lib/search/database-search";
import { searchParamsSchema } from "@/lib/search/params";
import { searchPapers, type SearchResult } from "@/lib/search/search";
import { FIRST_SEEN_ATTRIBUTE } from "@/lib/search/settings";
import { sleep } from "@/lib/wait-until";
import { SEED_FILES } from "../support/fixtures";
import { createTestEnv } from "../support/test-env";

// `since` keeps the papers an ingest first stored at or after a time, in Meilisearch and in the
// database fallback alike: two seed files ingested apart, and a time between the two ingests.

let env: Awaited<ReturnType<typeof createTestEnv>>;
let between: Date;
const params = (query: Record<string, string>) => searchParamsSchema.parse({ perPage: "100", ...query });
const targets = () => ({ db: env.db, search: env.search, indexUid: env.indexUid });

beforeAll(async () => {
  env = await createTestEnv("since");
  await ingestFiles(targets(), { files: SEED_FILES.slice(0, 1) });
  await sleep(5);
  between = new Date();
  await sleep(5);
  await ingestFiles(targets(), { files: SEED_FILES.slice(1, 2) });
}, 180_000);

afterAll(async () => {
  await env?.cleanup();
});

/** What the database says a search with `since` must find: its papers, topic and digest counts. */
async function expected(since: Date, where: object = {}) {
  const papers = await env.db.paper.findMany({
    where: { AND: [{ firstSeenAt: { gte: since } }, where] },
    include: { topics: true, appearances: true },
  });
  const count = (keys: string[]) => keys.reduce<Record<string, number>>((n, k) => ({ ...n, [k]: (n[k] ?? 0) + 1 }), {});
  return {
    slugs: papers.map((p) => p.slug).sort(),
    topic: count(papers.flatMap((p) => p.topics.map((t) => t.topicSlug))),
    digest: count(papers.flatMap((p) => [...new Set(p.appearances.map((a) => a.digestId))])),
    hasCode: { true: papers.filter((p) => p.codeUrl !== null).length, false: papers.filter((p) => p.codeUrl === null).length },
  };
}

const shape = (result: SearchResult) => ({
  slugs: result.hits.map((h) => h.slug).sort(),
  total: result.total,
  topic: result.facets.topic,
  digest: result.facets.digest,
  hasCode: result.facets.hasCode,
});

describe("the since filter", () => {
  it("finds only the papers first stored at or after the time, in Meilisearch and in the database", async () => {
    const all = await env.db.paper.count();
    const want = await expected(between);
    // The second file brought new papers, and repeated some of the first's: neither side is empty.
    expect(want.slugs.length).toBeGreaterThan(0);
    expect(want.slugs.length).toBeLessThan(all);

    const query = params({ since: between.toISOString() });
    const fromMeili = shape(await searchPapers(query));
    const fromDb = shape(await databaseSearch(query));
    const wanted = { slugs: want.slugs, total: want.slugs.length, topic: want.topic, digest: want.digest, hasCode: want.hasCode };
    expect(fromMeili).toEqual(wanted);
    expect(fromDb).toEqual(wanted);
  });

  it("gives each hit the time its paper first arrived, as the database has it, from either engine", async () => {
    const stored = new Map((await env.db.paper.findMany()).map((p) => [p.slug, p.firstSeenAt.toISOString()]));
    for (const search of [searchPapers, databaseSearch]) {
      const { hits } = await search(params({}));
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) expect(hit.firstSeenAt, hit.slug).toBe(stored.get(hit.slug));
    }
  });

  it("is at or after: a paper stored at exactly that millisecond is included, one a millisecond earlier is not", async () => {
    const paper = await env.db.paper.findFirstOrThrow({ orderBy: { firstSeenAt: "desc" } });
    const exactly = paper.firstSeenAt.toISOString();
    const later = new Date(paper.firstSeenAt.getTime() + 1).toISOString();
    for (const search of [searchPapers, databaseSearch]) {
      expect((await search(params({ since: exactly }))).hits.map((h) => h.slug)).toContain(paper.slug);
      expect((await search(params({ since: later }))).hits.map((h) => h.slug)).not.toContain(paper.slug);
    }
  });

  it("combines with the query and the facets; the facet counts agree with the total", async () => {
    const want = await expected(between, { codeUrl: { not: null } });
    const query = params({ since: between.toISOString(), hasCode: "true" });
    for (const search of [searchPapers, databaseSearch]) {
      const result = await search(query);
      expect(result.hits.map((h) => h.slug).sort()).toEqual(want.slugs);
      expect(result.total).toBe(want.slugs.length);
      expect(result.facets.hasCode.true).toBe(want.slugs.length);
      expect(Object.values(result.facets.digest).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(result.total);
    }
    // Meilisearch counts a facet without its own selection (disjunctive), but keeps `since`.
    expect((await searchPapers(query)).facets.hasCode.false).toBe((await expected(between)).hasCode.false);
    const word = "learning";
    const withQuery = params({ since: between.toISOString(), q: word });
    const meili = await searchPapers(withQuery);
    const db = await databaseSearch(withQuery);
    expect(meili.total).toBeGreaterThan(0);
    const recent = new Set((await expected(between)).slugs);
    for (const hit of [...meili.hits, ...db.hits]) expect(recent.has(hit.slug)).toBe(true);
  });

  it("reads a bare date as midnight UTC", async () => {
    const today = between.toISOString().slice(0, 10);
    const tomorrow = new Date(Date.parse(today) + 86_400_000).toISOString().slice(0, 10);
    const all = await env.db.paper.count();
    for (const search of [searchPapers, databaseSearch]) {
      expect((await search(params({ since: today }))).total).toBe(all);
      expect((await search(params({ since: tomorrow }))).total).toBe(0);
    }
  });
});

describe("since in the API, the exports and the feed", () => {
  const request = (pathname: string) => new NextRequest(`http://localhost${pathname}`);

  it("gives the same papers, and a 400 naming since for a bad value", async () => {
    const want = await expected(between);
    const since = encodeURIComponent(between.toISOString());
    const api = (await (await searchApi(request(`/api/search?since=${since}&perPage=100`))).json()) as {
      total: number;
      hits: { slug: string }[];
    };
    expect(api.total).toBe(want.slugs.length);
    expect(api.hits.map((h) => h.slug).sort()).toEqual(want.slugs);

    const exported = (await (await exportHandler("json")(request(`/search/export.json?since=${since}`))).json()) as {
      total: number;
      papers: { slug: string }[];
    };
    expect(exported.total).toBe(want.slugs.length);
    expect(exported.papers.map((p) => p.slug).sort()).toEqual(want.slugs);

    const feed = await (await exportHandler("atom")(request(`/search/feed.xml?since=${since}`))).text();
    const linked = [...feed.matchAll(/<link rel="alternate" href="http:\/\/localhost\/papers\/([^"]+)"/g)].map((m) => m[1]!);
    expect(linked.length).toBe(Math.min(50, want.slugs.length));
    expect(linked.filter((slug) => !want.slugs.includes(slug))).toEqual([]);

    for (const response of [
      await searchApi(request("/api/search?since=2026-11-23T08:00:00")),
      await exportHandler("csv")(request("/search/export.csv?since=last-week")),
      await exportHandler("atom")(request("/search/feed.xml?since=2026-13-01")),
    ]) {
      expect(response.status).toBe(400);
      expect(((await response.json()) as { param: string }).param).toBe("since");
    }
  });
});

describe("an index whose documents predate the firstSeenAt field", () => {
  it("is rebuilt by the next ingest, though its papers are marked as indexed", async () => {
    const index = env.search.index(env.indexUid);
    // The documents as an older Paperdex sent them: no firstSeenAt, and not filterable by it.
    const documents = (await index.getDocuments({ limit: 1_000, retrieveVectors: true })).results;
    const old = documents.map((doc) => {
      const { [FIRST_SEEN_ATTRIBUTE]: _dropped, _vectors, ...rest } = doc as Record<string, unknown>;
      const vectors = _vectors as Record<string, { embeddings: number[][] }>;
      return { ...rest, _vectors: Object.fromEntries(Object.entries(vectors).map(([k, v]) => [k, v.embeddings[0]!])) };
    });
    await waitFor(env.search, index.addDocuments(old), "put back documents without firstSeenAt");
    await waitFor(env.search, index.updateFilterableAttributes(["topics", "digests", "hasCode"]), "old filterable attributes");
    expect((await env.db.paper.count({ where: { indexedHash: null } })).valueOf()).toBe(0);

    const summary = await ingestFiles(targets(), { files: SEED_FILES.slice(0, 2) });
    expect(summary.indexError).toBeNull();
    expect(summary.newPapers + summary.updatedPapers).toBe(0);
    expect(await index.getFilterableAttributes()).toContain(FIRST_SEEN_ATTRIBUTE);
    const lacking = await index.getDocuments({ filter: `${FIRST_SEEN_ATTRIBUTE} NOT EXISTS`, limit: 1 });
    expect(lacking.results).toEqual([]);
    const drift = await compareIndex(env.db, env.search, env.indexUid);
    expect({ missing: drift.missing, extra: drift.extra, stale: drift.stale }).toEqual({ missing: [], extra: [], stale: [] });
    const want = await expected(between);
    expect((await searchPapers(params({ since: between.toISOString() }))).total).toBe(want.slugs.length);
  }, 180_000);
});
