import "server-only";
import { isSearchUnreachable, meiliErrorCode } from "../meilisearch/errors";
import { relatedCandidates } from "../papers/queries";
import type { PaperDetail } from "../papers/types";
import { rankRelated, type RelatedPaper } from "./related-rank";
import { relatedInIndex } from "./similar";

export { rankRelated, type RelatedPaper };

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
 * Related papers: the paper's nearest neighbours by text vector among the papers that share a
 * tagged topic with it, reordered with a bonus per shared topic — from Meilisearch, or, when it
 * cannot answer, from the database's candidates ranked the same way.
 */
export async function relatedPapers(paper: PaperDetail, limit = 5): Promise<RelatedPaper[]> {
  const topicSlugs = paper.topics.map((t) => t.slug);
  try {
    const similar = await relatedInIndex(paper.slug, topicSlugs, limit);
    if (similar.length > 0) return similar;
  } catch (error) {
    if (!relatedFallsBack(error)) throw error;
    console.warn(`[related] Meilisearch cannot answer for ${paper.slug}, using the database: ${(error as Error).message}`);
  }
  return rankRelated({ ...paper, topicSlugs }, await relatedCandidates(paper.slug, topicSlugs), limit);
}
