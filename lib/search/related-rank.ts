import { cosine, embedPaper } from "../embeddings/vectors";
import type { RelatedCandidate } from "../papers/types";

export interface RelatedPaper {
  slug: string;
  title: string;
}

/**
 * What a shared tagged topic adds to the cosine similarity of two papers. Judged by the hand
 * labels (npm run eval:related, train and dev): keeping to papers that share a tagged topic
 * and adding this bonus puts more related papers on topic than the vectors alone.
 */
export const TOPIC_BONUS = 0.1;

/** Neighbours by cosine similarity (best first), reordered with the topic bonus. */
export function rerankByTopics<T extends { slug: string; cosine: number; topics: string[] }>(
  neighbours: T[],
  topicSlugs: string[],
  limit: number,
  topicBonus = TOPIC_BONUS,
): T[] {
  return neighbours
    .map((n, rank) => ({ n, rank, score: n.cosine + topicBonus * n.topics.filter((t) => topicSlugs.includes(t)).length }))
    .sort((a, b) => b.score - a.score || a.rank - b.rank)
    .slice(0, limit)
    .map(({ n }) => n);
}

/** The candidates nearest to a paper by text vector and shared topics, best first, without the paper. */
export function rankRelated(
  paper: RelatedCandidate,
  candidates: RelatedCandidate[],
  limit: number,
  topicBonus = TOPIC_BONUS,
): RelatedPaper[] {
  const target = embedPaper(paper.title, paper.abstract);
  if (!target) return [];
  return candidates
    .filter((c) => c.slug !== paper.slug)
    .map((c) => {
      const vector = embedPaper(c.title, c.abstract);
      const shared = c.topicSlugs.filter((t) => paper.topicSlugs.includes(t)).length;
      return { c, score: (vector ? cosine(target, vector) : 0) + topicBonus * shared };
    })
    .sort((a, b) => b.score - a.score || a.c.slug.localeCompare(b.c.slug))
    .slice(0, limit)
    .map(({ c }) => ({ slug: c.slug, title: c.title }));
}
