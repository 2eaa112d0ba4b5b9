import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeTitle } from "@/lib/digest";
import { cosine, embedPaper } from "@/lib/embeddings/vectors";
import { ingestFiles } from "@/lib/ingest/ingest";
import { dropIndex } from "@/lib/indexing/tasks";
import { getPaper } from "@/lib/papers/queries";
import { relatedPapers } from "@/lib/search/related";
import { moreLikeThese, similarToPaper } from "@/lib/search/similar";
import { SEED_FILES } from "../support/fixtures";
import { createTestEnv } from "../support/test-env";

// Related papers and "more like these" on the seeds, with the committed term vectors, judged
// by the seeds' hand labels (scripts/eval/labels/seed-labels.jsonl): a related paper is on topic
// when its labels (must ∪ ok) share a topic with the query paper's must topics.

const env = await createTestEnv("related");
afterAll(() => env.cleanup());

const labels = new Map(
  readFileSync("scripts/eval/labels/seed-labels.jsonl", "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { title: string; must: string[]; ok: string[] })
    .map((p) => [normalizeTitle(p.title), p]),
);
const titleOf = new Map<string, string>();
const labelsOf = (slug: string) => labels.get(normalizeTitle(titleOf.get(slug)!))!;
const onTopic = (must: string[], slugs: string[]) =>
  slugs.filter((slug) => must.some((t) => [...labelsOf(slug).must, ...labelsOf(slug).ok].includes(t))).length;

/** A clear-cut paper: about one thing (continual learning; a train-split paper). */
const CLEAR_CUT = "hyperparameters-in-continual-learning-a-reality-check";

beforeAll(async () => {
  const summary = await ingestFiles({ db: env.db, search: env.search, indexUid: env.indexUid }, { files: SEED_FILES });
  expect(summary.indexError).toBeNull();
  for (const p of await env.db.paper.findMany({ select: { slug: true, title: true } })) titleOf.set(p.slug, p.title);
}, 300_000);

describe("related papers", () => {
  it("of a clear-cut paper are on its topic (as its page shows them)", async () => {
    const related = await relatedPapers((await getPaper(CLEAR_CUT))!);
    expect(related).toHaveLength(5);
    expect(
      onTopic(
        labelsOf(CLEAR_CUT).must,
        related.map((r) => r.slug),
      ),
    ).toBeGreaterThanOrEqual(4);
  });

  it("come with Meilisearch's ranking score, (1 + cosine) / 2, which the topic bonus is added to", async () => {
    const [first] = await similarToPaper(CLEAR_CUT, 1);
    const vector = async (slug: string) => {
      const p = await env.db.paper.findUniqueOrThrow({ where: { slug } });
      return embedPaper(p.title, p.abstract)!;
    };
    expect(first!.score).toBeCloseTo((1 + cosine(await vector(CLEAR_CUT), await vector(first!.slug))) / 2, 3);
  });
});

describe("more like these", () => {
  it("finds papers on the subject of a pasted text", async () => {
    const hits = await moreLikeThese({
      papers: [],
      text: "We protect user data: a model trained with differential privacy, and a way to make it forget chosen training examples.",
    });
    expect(hits.length).toBeGreaterThanOrEqual(5);
    expect(
      onTopic(
        ["unlearning-privacy"],
        hits.slice(0, 5).map((h) => h.slug),
      ),
    ).toBeGreaterThanOrEqual(4);
  });

  it("finds papers near some papers, leaving those out", async () => {
    const paper = await env.db.paper.findUniqueOrThrow({ where: { slug: CLEAR_CUT } });
    const hits = await moreLikeThese({ papers: [paper], text: "" });
    expect(hits.map((h) => h.slug)).not.toContain(CLEAR_CUT);
    expect(
      onTopic(
        labelsOf(CLEAR_CUT).must,
        hits.slice(0, 5).map((h) => h.slug),
      ),
    ).toBeGreaterThanOrEqual(4);
  });
});

describe("the database fallback of related papers", () => {
  it("ranks by the same vectors when Meilisearch cannot answer", async () => {
    const paper = (await getPaper(CLEAR_CUT))!;
    const fromIndex = await relatedPapers(paper);
    await dropIndex(env.search, env.indexUid);
    const fromDatabase = await relatedPapers(paper);
    expect(fromDatabase).toHaveLength(5);
    expect(
      onTopic(
        labelsOf(CLEAR_CUT).must,
        fromDatabase.map((r) => r.slug),
      ),
    ).toBeGreaterThanOrEqual(4);
    // Both rank by the same text vectors (the database adds a bonus for shared tagged topics).
    expect(fromDatabase.filter((r) => fromIndex.some((s) => s.slug === r.slug)).length).toBeGreaterThanOrEqual(2);
  });
});
