import "server-only";
import { idfTable } from "../embeddings/idf-table";
import { cosine, embedPaper } from "../embeddings/vectors";
import { isSearchUnreachable, meiliErrorCode } from "../meilisearch/errors";
import { relatedCandidates } from "../papers/queries";
import type { RelatedCandidate } from "../papers/types";
import type { PaperDetail } from "../papers/types";
import { similarToPaper } from "./similar";

export interface RelatedPaper {
  slug: string;
  title: string;
}

/** What a shared topic adds to the cosine similarity of two papers in the database ranking. */
const TOPIC_BONUS = 0.1;

/**
 * Errors after which the database answers instead: Meilisearch cannot be reached, or it does
 * not hold this paper (yet: its index task may still be queued). Anything else — a wrong key,
 * a bad request — is a fault to surface, not to hide behind a quietly worse answer.
 */
export function relatedFallsBack(error: unknown): boolean {
  if (isSearchUnreachable(error)) return true;
  const code = meiliErrorCode(error);
  return code === "index_not_found" || code === "not_found_similar_id";
}

/**
 * Related papers: the paper's nearest neighbours by text vector in Meilisearch; when it
 * cannot answer, papers sharing a topic, ranked by the cosine of the same text vectors plus a
 * bonus per shared topic, from the database.
 */
export async function relatedPapers(paper: PaperDetail, limit = 5): Promise<RelatedPaper[]> {
  try {
    const similar = await similarToPaper(paper.slug, limit);
    if (similar.length > 0) return similar.map(({ slug, title }) => ({ slug, title }));
  } catch (error) {
    if (!relatedFallsBack(error)) throw error;
    console.warn(`[related] Meilisearch cannot answer for ${paper.slug}, using the database: ${(error as Error).message}`);
  }
  const topicSlugs = paper.topics.map((t) => t.slug);
  return rankRelated({ ...paper, topicSlugs }, await relatedCandidates(paper.slug, topicSlugs), limit);
}

/** The candidates nearest to a paper by text vector and shared topics, best first, without the paper. */
export function rankRelated(paper: RelatedCandidate, candidates: RelatedCandidate[], limit: number): RelatedPaper[] {
  const table = idfTable();
  const target = embedPaper(paper.title, paper.abstract, table);
  if (!target) return [];
  return candidates
    .filter((c) => c.slug !== paper.slug)
    .map((c) => {
      const vector = embedPaper(c.title, c.abstract, table);
      const shared = c.topicSlugs.filter((t) => paper.topicSlugs.includes(t)).length;
      return { c, score: (vector ? cosine(target, vector) : 0) + TOPIC_BONUS * shared };
    })
    .sort((a, b) => b.score - a.score || a.c.slug.localeCompare(b.c.slug))
    .slice(0, limit)
    .map(({ c }) => ({ slug: c.slug, title: c.title }));
}
