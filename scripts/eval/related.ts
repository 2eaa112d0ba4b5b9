import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { createDb } from "@/lib/db";
import { normalizeTitle } from "@/lib/digest";
import { relatedInIndex, similarToPaper } from "@/lib/search/similar";
import { rankRelated, TOPIC_BONUS } from "@/lib/search/related-rank";
import type { PopulationPaper, Split } from "./labelled-set";
import { randomScore, scoreRelated, type JudgedPaper, type ScoreBySplit } from "./related-metrics";

// Related papers of the product, judged by the hand labels of the seed papers
// (scripts/eval/labels/seed-labels.jsonl): through Meilisearch, as the paper page asks for them
// (similar-documents among papers sharing a tagged topic, topic bonus), by the vectors alone,
// and through the database fallback's ranking.

type Db = ReturnType<typeof createDb>;

const seedLabelSchema = z.object({
  title: z.string(),
  must: z.array(z.string()).min(1),
  ok: z.array(z.string()),
  split: z.enum(["train", "dev", "test"]),
});

/** Every labelled seed paper, keyed by normalized title. */
export function loadJudgedSeeds(file = path.resolve("scripts/eval/labels/seed-labels.jsonl")): Map<string, JudgedPaper> {
  const judged = new Map<string, JudgedPaper>();
  for (const line of readFileSync(file, "utf8").split("\n").filter(Boolean)) {
    const p = seedLabelSchema.parse(JSON.parse(line));
    const key = normalizeTitle(p.title);
    judged.set(key, { key, split: p.split, must: p.must, labels: [...new Set([...p.must, ...p.ok])] });
  }
  return judged;
}

/** A labelled paper as the metric judges it. */
export function judged(paper: PopulationPaper): JudgedPaper {
  return {
    key: normalizeTitle(paper.title),
    split: paper.split,
    must: paper.must,
    labels: [...new Set([...paper.must, ...paper.may])],
  };
}

export interface ProductRelated {
  /** What the paper page shows: Meilisearch's nearest neighbours sharing a tagged topic, with the topic bonus. */
  meilisearch: ScoreBySplit;
  /** Meilisearch's nearest neighbours by the vectors alone. */
  vectorsOnly: ScoreBySplit;
  /** The database's ranking when Meilisearch cannot answer (cosine + topic bonus among papers sharing a tagged topic). */
  fallback: ScoreBySplit;
  /** The same without the bonus: whether the tagged topics help. */
  fallbackCosineOnly: ScoreBySplit;
  random: ScoreBySplit;
  papers: number;
}

/**
 * Related papers of every labelled paper of an index that holds the seeds and nothing else,
 * from Meilisearch and from the database fallback's ranking, next to random picks.
 */
export async function evaluateProductRelated(db: Db, seeds: Map<string, JudgedPaper>): Promise<ProductRelated> {
  const papers = await db.paper.findMany({
    select: { slug: true, title: true, abstract: true, topics: { select: { topicSlug: true } } },
  });
  const keyOf = new Map(papers.map((p) => [p.slug, normalizeTitle(p.title)]));
  const unlabelled = papers.filter((p) => !seeds.has(keyOf.get(p.slug)!));
  if (unlabelled.length > 0)
    throw new Error(`${unlabelled.length} indexed papers have no labels, e.g. "${unlabelled[0]!.title}"`);
  const bySlugKey = new Map(papers.map((p) => [keyOf.get(p.slug)!, p]));
  const queries = [...seeds.values()].filter((q) => bySlugKey.has(q.key));
  const candidates = papers.map((p) => ({ ...p, topicSlugs: p.topics.map((t) => t.topicSlug) }));

  const topicsOf = new Map(candidates.map((c) => [c.slug, c.topicSlugs]));
  const meilisearch = await scoreRelated(queries, seeds, async (q) => {
    const slug = bySlugKey.get(q.key)!.slug;
    return (await relatedInIndex(slug, topicsOf.get(slug)!, 5)).map((s) => keyOf.get(s.slug)!);
  });
  const vectorsOnly = await scoreRelated(queries, seeds, async (q) => {
    const similar = await similarToPaper(bySlugKey.get(q.key)!.slug, 5);
    return similar.map((s) => keyOf.get(s.slug)!);
  });
  const fallback = (topicBonus: number) =>
    scoreRelated(queries, seeds, (q) => {
      const paper = candidates.find((c) => c.slug === bySlugKey.get(q.key)!.slug)!;
      // The database offers the papers that share a tagged topic with it (lib/papers/queries.ts).
      const sharing = candidates.filter((c) => c.topicSlugs.some((t) => paper.topicSlugs.includes(t)));
      return rankRelated(paper, sharing, 5, topicBonus).map((r) => keyOf.get(r.slug)!);
    });
  return {
    meilisearch,
    vectorsOnly,
    fallback: await fallback(TOPIC_BONUS),
    fallbackCosineOnly: await fallback(0),
    random: randomScore(queries, seeds),
    papers: papers.length,
  };
}

const SPLITS: (Split | "all")[] = ["train", "dev", "test", "all"];

/** One line per method: the share of the top five that count, per split of the query papers. */
export function printRelatedTable(title: string, rows: [string, ScoreBySplit][]): void {
  console.log(`\n${title}`);
  const first = rows[0]![1];
  console.log(`  ${"".padEnd(56)} ${SPLITS.map((s) => `${s} (${first[s].queries})`.padStart(12)).join(" ")}`);
  for (const [name, scores] of rows)
    console.log(`  ${name.padEnd(56)} ${SPLITS.map((s) => scores[s].share.toFixed(3).padStart(12)).join(" ")}`);
}
