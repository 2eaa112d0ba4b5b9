import { termVectors } from "../embeddings/term-vectors";
import { embedPaper, embedText, meanVector } from "../embeddings/vectors";
import { indexName, searchClient } from "../meilisearch/client";
import { buildFilter } from "./filters";
import { rerankByTopics, type RelatedPaper } from "./related-rank";
import type { PaperDocument } from "./settings";
import { EMBEDDER } from "./settings";

export interface SimilarPaper {
  slug: string;
  title: string;
  score: number;
}

const FIELDS = ["slug", "title"];

/**
 * A paper's nearest neighbours by text vector (Meilisearch's similar-documents endpoint); with
 * `topics`, only papers tagged with at least one of them. `score` is Meilisearch's ranking
 * score, (1 + cosine) / 2.
 */
export async function similarToPaper(
  slug: string,
  limit = 5,
  topics: string[] = [],
): Promise<(SimilarPaper & { topics: string[] })[]> {
  const result = await searchClient()
    .index<PaperDocument>(indexName())
    .searchSimilarDocuments<PaperDocument>({
      id: slug,
      embedder: EMBEDDER,
      limit,
      attributesToRetrieve: [...FIELDS, "topics"],
      showRankingScore: true,
      ...(topics.length > 0 ? { filter: buildFilter({ topic: topics, digest: [], hasCode: undefined }) } : {}),
    });
  return result.hits.map((hit) => ({
    slug: hit.slug,
    title: hit.title,
    score: hit._rankingScore ?? 0,
    topics: hit.topics ?? [],
  }));
}

/** Neighbours Meilisearch returns for the topic bonus to reorder. */
const CANDIDATES = 20;

/** Related papers from Meilisearch; topped up from all papers when few share a topic. */
export async function relatedInIndex(slug: string, topicSlugs: string[], limit: number): Promise<RelatedPaper[]> {
  // The ranking score of a vector neighbour is (1 + cosine) / 2.
  const neighbours = (hits: Awaited<ReturnType<typeof similarToPaper>>) =>
    hits.map((h) => ({ slug: h.slug, title: h.title, topics: h.topics, cosine: 2 * h.score - 1 }));
  const sharing = topicSlugs.length > 0 ? neighbours(await similarToPaper(slug, CANDIDATES, topicSlugs)) : [];
  const ranked = rerankByTopics(sharing, topicSlugs, limit);
  if (ranked.length < limit) {
    const seen = new Set(ranked.map((r) => r.slug));
    ranked.push(...neighbours(await similarToPaper(slug, limit)).filter((n) => !seen.has(n.slug)));
  }
  return ranked.slice(0, limit).map(({ slug, title }) => ({ slug, title }));
}

/** The papers nearest to a vector, leaving out some (the papers it was made from). */
export async function similarToVector(vector: number[], limit: number, exclude: string[] = []): Promise<SimilarPaper[]> {
  const result = await searchClient()
    .index<PaperDocument>(indexName())
    .search("", {
      vector,
      hybrid: { embedder: EMBEDDER, semanticRatio: 1 },
      limit: limit + exclude.length,
      attributesToRetrieve: FIELDS,
      showRankingScore: true,
    });
  return result.hits
    .filter((hit) => !exclude.includes(hit.slug))
    .slice(0, limit)
    .map((hit) => ({ slug: hit.slug, title: hit.title, score: hit._rankingScore ?? 0 }));
}

/** "More like these": papers near the mean of some papers' vectors, or near a pasted text. */
export async function moreLikeThese(
  input: { papers: { slug: string; title: string; abstract: string }[]; text: string },
  limit = 20,
): Promise<SimilarPaper[]> {
  const table = termVectors();
  const vectors = input.papers.map((p) => embedPaper(p.title, p.abstract, table));
  if (input.text) vectors.push(embedText(input.text, table));
  const mean = meanVector(vectors.filter((v): v is number[] => v !== null));
  if (!mean) return [];
  return similarToVector(
    mean,
    limit,
    input.papers.map((p) => p.slug),
  );
}
