import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "@/lib/ingest/ingest";
import { searchParamsSchema } from "@/lib/search/params";
import { searchPapers } from "@/lib/search/search";
import { reindexFromDatabase } from "@/lib/indexing/sync";
import { correctTopics } from "@/lib/topics/corrections";
import { createTopicTagger, loadTopicConfig } from "@/lib/topics/load";
import { SEED_FILES } from "../support/fixtures";
import { createTestEnv } from "../support/test-env";

const env = await createTestEnv("corrections");
const targets = { db: env.db, search: env.search, indexUid: env.indexUid };
const tagger = createTopicTagger(await loadTopicConfig());
const SLUG = "memcontrol-mitigating-memorization-in-diffusion-models-via-automated-parameter";

const correct = (action: "add" | "remove" | "undo", topicSlug: string) =>
  correctTopics(env.db, env.search, env.indexUid, tagger, { slug: SLUG, action, topicSlug });

async function storedTopics() {
  const paper = await env.db.paper.findUniqueOrThrow({ where: { slug: SLUG }, include: { topics: true } });
  return Object.fromEntries(paper.topics.map((t) => [t.topicSlug, t.source]));
}

async function indexedTopics() {
  const result = await searchPapers(searchParamsSchema.parse({ q: "MemControl" }));
  return result.hits.find((h) => h.slug === SLUG)?.topics.sort();
}

beforeAll(async () => {
  await ingestFiles(targets, { files: SEED_FILES });
});
afterAll(() => env.cleanup());

describe("evidence", () => {
  it("stores, for every paper–topic pair, the words that added most to the model's score, as written", async () => {
    const paper = await env.db.paper.findUniqueOrThrow({ where: { slug: SLUG }, include: { topics: true } });
    const byTopic = Object.fromEntries(
      paper.topics.map((r) => [r.topicSlug, JSON.parse(r.evidence) as { phrase: string; field: string; weight: number }[]]),
    );
    expect(byTopic["unlearning-privacy"]).toEqual(
      expect.arrayContaining([{ phrase: "memorization", field: "title", weight: expect.any(Number) as number }]),
    );
    for (const row of paper.topics) {
      expect(row.score).toBeGreaterThan(0);
      expect(row.score).toBeLessThanOrEqual(1);
      for (const e of byTopic[row.topicSlug]!) {
        expect(e.weight).toBeGreaterThan(0);
        const text = (e.field === "title" ? paper.title : paper.abstract).toLowerCase().replace(/[-_/–—\s]+/g, " ");
        expect(text).toContain(e.phrase);
      }
    }
  });
});

describe("an editor's corrections", () => {
  it("removes a topic in the database and the index", async () => {
    expect(await storedTopics()).toHaveProperty("generative-models", "rule");
    const result = await correct("remove", "generative-models");
    expect(result).toMatchObject({ ok: true, indexError: null });
    expect(await storedTopics()).not.toHaveProperty("generative-models");
    expect(await indexedTopics()).not.toContain("generative-models");
  });

  it("adds a topic, marked as manual", async () => {
    await correct("add", "reasoning");
    expect(await storedTopics()).toHaveProperty("reasoning", "manual");
    expect(await indexedTopics()).toContain("reasoning");
  });

  it("refuses changes that break the rules of the taxonomy", async () => {
    expect(await correct("add", "reasoning")).toEqual({ ok: false, problem: { kind: "already" } });
    expect(await correct("add", "no-such-topic")).toEqual({ ok: false, problem: { kind: "unknown-topic" } });
    expect(
      await correctTopics(env.db, env.search, env.indexUid, tagger, { slug: "nope", action: "add", topicSlug: "reasoning" }),
    ).toEqual({ ok: false, problem: { kind: "unknown-paper" } });
  });

  it("survive a re-ingest of every file and a full reindex", async () => {
    const before = await storedTopics();
    const summary = await ingestFiles(targets, { files: SEED_FILES });
    expect(summary).toMatchObject({ newPapers: 0, updatedPapers: 0, indexed: 0 });
    expect(await storedTopics()).toEqual(before);
    await reindexFromDatabase(env.db, env.search, env.indexUid);
    expect(await indexedTopics()).toEqual(Object.keys(before).sort());
  });

  it("keep the cached topic counts exact", async () => {
    const count = async (slug: string) => (await env.db.topic.findUniqueOrThrow({ where: { slug } })).paperCount;
    const real = (slug: string) => env.db.paperTopic.count({ where: { topicSlug: slug } });
    const before = await count("generative-models");
    expect(before).toBe(await real("generative-models"));
    await correct("undo", "generative-models"); // the model gives it back
    expect(await count("generative-models")).toBe(before + 1);
    expect(await count("generative-models")).toBe(await real("generative-models"));
    await correct("remove", "generative-models");
    expect(await count("generative-models")).toBe(before);
  });

  it("can be undone, giving back the model's topics", async () => {
    await correct("undo", "generative-models");
    await correct("undo", "reasoning");
    const rules = tagger.tag(
      "MemControl: Mitigating Memorization in Diffusion Models via Automated Parameter Selection",
      (await env.db.paper.findUniqueOrThrow({ where: { slug: SLUG } })).abstract,
    );
    expect(await storedTopics()).toEqual(Object.fromEntries(rules.map((t) => [t.slug, "rule"])));
    expect(await env.db.topicOverride.count()).toBe(0);
    expect(await indexedTopics()).toEqual(rules.map((t) => t.slug).sort());
  });
});
