import { copyFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSearchClient } from "@/lib/meilisearch/client";
import { ingestFiles } from "@/lib/ingest/ingest";
import { searchParamsSchema } from "@/lib/search/params";
import { searchPapers } from "@/lib/search/search";
import { similarToPaper } from "@/lib/search/similar";
import { reindexFromDatabase } from "@/lib/indexing/sync";
import { SEED_FILES } from "../support/fixtures";
import { createTestEnv } from "../support/test-env";

const env = await createTestEnv("ingest");
const targets = { db: env.db, search: env.search, indexUid: env.indexUid };
const search = (query: Record<string, string | string[]>) => searchPapers(searchParamsSchema.parse(query));

/** Everything stored, in a comparable form: proof that a failed run changed nothing. */
async function snapshot() {
  const [papers, digests, appearances, topics] = await Promise.all([
    env.db.paper.findMany({ orderBy: { slug: "asc" } }),
    env.db.digest.findMany({ orderBy: { id: "asc" } }),
    env.db.appearance.findMany({ orderBy: [{ digestId: "asc" }, { position: "asc" }] }),
    env.db.paperTopic.findMany({ orderBy: [{ paperId: "asc" }, { topicSlug: "asc" }] }),
  ]);
  return { papers, digests, appearances, topics };
}

async function indexCount() {
  return (await env.search.index(env.indexUid).getStats()).numberOfDocuments;
}

let first: Awaited<ReturnType<typeof ingestFiles>>;
beforeAll(async () => {
  first = await ingestFiles(targets, { files: SEED_FILES });
});
afterAll(() => env.cleanup());

describe("ingesting the five seed files", () => {
  it("stores 432 entries as 390 papers and indexes them", async () => {
    expect(first).toMatchObject({
      entries: 432,
      newPapers: 390,
      updatedPapers: 0,
      failedFiles: 0,
      indexed: 390,
      indexError: null,
    });
    expect(await env.db.paper.count()).toBe(390);
    expect(await env.db.digest.count()).toBe(5);
    expect(await env.db.appearance.count()).toBe(432);
    expect(await env.db.topic.count()).toBe(25);
    expect(await indexCount()).toBe(390);
  });

  it("keeps every digest a paper appeared in", async () => {
    const multi = await env.db.paper.findMany({ where: { appearances: { some: {} } }, include: { appearances: true } });
    const counts = multi.map((p) => p.appearances.length);
    expect(counts.filter((n) => n > 1)).toHaveLength(36);
    expect(Math.max(...counts)).toBe(3);
  });

  it("gives every paper one to four topics with their evidence", async () => {
    const papers = await env.db.paper.findMany({ include: { topics: true } });
    expect(papers.filter((p) => p.topics.length < 1 || p.topics.length > 4)).toEqual([]);
    const evidence = JSON.parse(papers[0]!.topics[0]!.evidence) as unknown[];
    expect(evidence.length).toBeGreaterThan(0);
  });

  it("stores the code link of the brief's example", async () => {
    const paper = await env.db.paper.findFirst({ where: { codeUrl: { contains: "yanyanSann" } } });
    expect(paper?.codeUrl).toBe("https://github.com/yanyanSann/PromptTPP");
  });

  it("changes nothing on a second run over the same files", async () => {
    const before = await snapshot();
    const second = await ingestFiles(targets, { files: SEED_FILES });
    expect(second).toMatchObject({ entries: 432, newPapers: 0, updatedPapers: 0, unchangedPapers: 432, indexed: 0 });
    expect(second.files.every((f) => f.status === "stored" && !f.digestChanged)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });
});

describe("searching the ingested papers", () => {
  it("finds MemControl first for the typo query 'difusion memorizaton'", async () => {
    const result = await search({ q: "difusion memorizaton" });
    expect(result.hits[0]?.title).toBe(
      "MemControl: Mitigating Memorization in Diffusion Models via Automated Parameter Selection",
    );
    expect(result.hits[0]?.titleSegments.some((s) => s.match)).toBe(true);
  });

  it("expands acronyms through synonyms", async () => {
    const result = await search({ q: "PEFT code generation LLMs" });
    expect(result.hits[0]?.title).toBe(
      "Exploring Parameter-Efficient Fine-Tuning Techniques for Code Generation with Large Language Models",
    );
  });

  it("leaves out a rare word that keeps the wanted paper out, and says so", async () => {
    const result = await search({ q: "pick pretraining data that predicts downstream ability" });
    expect(result.dropped[0]).toBe("pick");
    expect(result.hits[0]?.title).toBe("Predictive Data Selection: The Data That Predicts Is the Data That Teaches");
    const exact = await search({ q: "grokking lottery tickets" });
    expect(exact.dropped).toEqual([]);
  });

  it("finds a paper's nearest neighbours by text vector, never the paper itself", async () => {
    const slug = "merging-models-with-fisher-weighted-averaging";
    const similar = await similarToPaper(slug, 5);
    expect(similar).toHaveLength(5);
    expect(similar.map((s) => s.slug)).not.toContain(slug);
    expect(similar[0]!.score).toBeGreaterThanOrEqual(similar[4]!.score);
  });

  it("reports facet counts equal to the database's counts", async () => {
    const result = await search({});
    expect(result.total).toBe(390);
    const topicCounts = await env.db.paperTopic.groupBy({ by: ["topicSlug"], _count: { _all: true } });
    expect(result.facets.topic).toEqual(Object.fromEntries(topicCounts.map((c) => [c.topicSlug, c._count._all])));
    // The counts cached in the Topic table, which pages show, agree too.
    const cached = await env.db.topic.findMany({ where: { paperCount: { gt: 0 } }, select: { slug: true, paperCount: true } });
    expect(Object.fromEntries(cached.map((t) => [t.slug, t.paperCount]))).toEqual(result.facets.topic);
    const digestCounts = await env.db.appearance.groupBy({ by: ["digestId"], _count: { _all: true } });
    expect(result.facets.digest).toEqual(Object.fromEntries(digestCounts.map((c) => [c.digestId, c._count._all])));
    const withCode = await env.db.paper.count({ where: { codeUrl: { not: null } } });
    expect(result.facets.hasCode).toEqual({ true: withCode, false: 390 - withCode });
  });

  it("ORs topics and keeps each topic's count while topics are selected", async () => {
    const all = await search({});
    const both = await search({ topic: ["reasoning", "code-generation"] });
    const union = await env.db.paper.count({
      where: { topics: { some: { topicSlug: { in: ["reasoning", "code-generation"] } } } },
    });
    expect(both.total).toBe(union);
    expect(both.facets.topic.reasoning).toBe(all.facets.topic.reasoning);
    expect(both.facets.topic["code-generation"]).toBe(all.facets.topic["code-generation"]);
  });

  it("ANDs facets: a topic with code", async () => {
    const result = await search({ topic: "reasoning", hasCode: "true", perPage: "100" });
    const expected = await env.db.paper.count({
      where: { codeUrl: { not: null }, topics: { some: { topicSlug: "reasoning" } } },
    });
    expect(result.total).toBe(expected);
    expect(result.hits.every((h) => h.codeUrl && h.topics.includes("reasoning"))).toBe(true);
  });

  it("matches nothing for a filter value that tries to widen the filter", async () => {
    const result = await searchPapers({ ...searchParamsSchema.parse({}), topic: ['x" OR topics != "y'] });
    expect(result.total).toBe(0);
  });

  it("sorts by title and paginates", async () => {
    const page1 = await search({ sort: "title", perPage: "5" });
    const page2 = await search({ sort: "title", perPage: "5", page: "2" });
    const titles = [...page1.hits, ...page2.hits].map((h) => h.title);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : 1)));
    expect(page1.totalPages).toBe(78);
  });

  it("keeps its results through a full reindex", async () => {
    const before = await search({ q: "low-rank adaptation", perPage: "20" });
    const { documents } = await reindexFromDatabase(env.db, env.search, env.indexUid);
    expect(documents).toBe(390);
    const after = await search({ q: "low-rank adaptation", perPage: "20" });
    expect(after.hits.map((h) => h.slug)).toEqual(before.hits.map((h) => h.slug));
    expect(after.total).toBe(before.total);
    expect(await indexCount()).toBe(390);
    const indexes = await env.search.getIndexes({ limit: 1000 });
    expect(indexes.results.map((i) => i.uid)).not.toContain(`${env.indexUid}_rebuild`);
  });
});

describe("bad input", () => {
  it("skips broken files with a clear message, stores the good one, and changes nothing else", async () => {
    const before = await snapshot();
    const bad = (name: string, content: string | Buffer) => {
      const file = path.join(env.dir, name);
      writeFileSync(file, content);
      return file;
    };
    const good = bad(
      "900_new.txt",
      "Mar 20\n\nA Brand New Paper About Graphs\n\nWe study graphs. Graph neural networks work well on them.\n",
    );
    const files = [
      bad("901_empty.txt", ""),
      bad("902_binary.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])),
      bad("903_latin1.txt", Buffer.from("Title\n\nCaf\xe9 is nice. It really is.\n", "latin1")),
      bad("904_orphan.txt", "We study a thing. It works well. We release code.\n\nA Title\n\nAn abstract. With sentences.\n"),
      good,
      path.join(env.dir, "905_missing.txt"),
    ];
    const summary = await ingestFiles(targets, { files });
    const failures = Object.fromEntries(
      summary.files.filter((f) => f.status === "failed").map((f) => [path.basename(f.file), f.problems]),
    );
    expect(failures).toEqual({
      "901_empty.txt": [{ message: "the file is empty" }],
      "902_binary.txt": [{ line: 1, message: "the file is binary, not text (it contains NUL bytes)" }],
      "903_latin1.txt": [{ line: 3, message: "the file is not valid UTF-8 (bad byte 0xe9 at offset 10); save it as UTF-8" }],
      "904_orphan.txt": [{ line: 1, message: "an abstract with no title before it" }],
      "905_missing.txt": [{ message: "the file does not exist or cannot be read" }],
    });
    expect(summary).toMatchObject({ failedFiles: 5, newPapers: 1, indexed: 1 });

    const after = await snapshot();
    expect(after.digests.filter((d) => d.id !== "900_new")).toEqual(before.digests);
    expect(after.papers.filter((p) => p.title !== "A Brand New Paper About Graphs")).toEqual(before.papers);
    expect(after.papers).toHaveLength(391);
    expect(await indexCount()).toBe(391);
  });

  it("skips a file whose content was already ingested under another name", async () => {
    const copy = path.join(env.dir, "copy-of-000.txt");
    copyFileSync(SEED_FILES[0]!, copy);
    const summary = await ingestFiles(targets, { files: [copy] });
    expect(summary.files).toEqual([{ file: copy, status: "duplicate", of: path.basename(SEED_FILES[0]!) }]);
  });

  it("keeps the database updated and reports it when the search engine is down, then catches up", async () => {
    const file = path.join(env.dir, "910_later.txt");
    writeFileSync(file, "Another Fresh Paper on Pruning\n\nWe prune networks. Pruning removes weights.\n");
    const down = createSearchClient({ host: "http://127.0.0.1:9", apiKey: "x", local: false }, 1_000);
    const failed = await ingestFiles({ ...targets, search: down }, { files: [file] });
    expect(failed.newPapers).toBe(1);
    expect(failed.indexError).toMatch(/fetch failed|ECONNREFUSED|request/i);
    expect(await env.db.paper.count({ where: { title: "Another Fresh Paper on Pruning" } })).toBe(1);

    const recovered = await ingestFiles(targets, { files: [file] });
    expect(recovered).toMatchObject({ newPapers: 0, indexed: 1, indexError: null });
    expect((await search({ q: "Another Fresh Paper on Pruning" })).hits[0]?.title).toBe("Another Fresh Paper on Pruning");
  });

  it("updates a paper whose abstract changed, in the database and the index", async () => {
    const file = path.join(env.dir, "910_later.txt");
    writeFileSync(file, "Another Fresh Paper on Pruning\n\nWe prune networks with zebras. Pruning removes weights.\n");
    const summary = await ingestFiles(targets, { files: [file] });
    expect(summary).toMatchObject({ newPapers: 0, updatedPapers: 1, indexed: 1 });
    expect((await search({ q: "zebras" })).hits.map((h) => h.title)).toEqual(["Another Fresh Paper on Pruning"]);
  });
});

describe("dating digests", () => {
  it("dates a labelled digest only when given a year", async () => {
    const undated = await env.db.digest.findUniqueOrThrow({ where: { id: "000_b4ca87912f4c4db7" } });
    expect(undated).toMatchObject({ label: "Mar 12", publishedOn: null, sortKey: 312 });
    await ingestFiles(targets, { files: [SEED_FILES[0]!], year: 2024 });
    const dated = await env.db.digest.findUniqueOrThrow({ where: { id: "000_b4ca87912f4c4db7" } });
    expect(dated.publishedOn?.toISOString()).toBe("2024-03-12T00:00:00.000Z");
    expect(dated.sortKey).toBe(20240312);
  });
});
