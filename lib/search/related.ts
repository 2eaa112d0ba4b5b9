import "server-only";
import { similarToPaper } from "./similar";
import { relatedCandidates } from "../papers/queries";
import { rankRelated } from "../papers/similarity";
import type { PaperDetail } from "../papers/types";

export interface RelatedPaper {
  slug: string;
  title: string;
}

/**
 * Related papers: the paper's nearest neighbours by text vector in Meilisearch; when the
 * search engine cannot answer, papers sharing a topic ranked by TF-IDF similarity from the
 * database.
 */
export async function relatedPapers(paper: PaperDetail, limit = 5): Promise<RelatedPaper[]> {
  try {
    const similar = await similarToPaper(paper.slug, limit);
    if (similar.length > 0) return similar.map(({ slug, title }) => ({ slug, title }));
  } catch (error) {
    console.warn(`[related] search engine unavailable, using the database: ${(error as Error).message}`);
  }
  const topicSlugs = paper.topics.map((t) => t.slug);
  const candidates = await relatedCandidates(paper.slug, topicSlugs);
  return rankRelated({ slug: paper.slug, title: paper.title, abstract: paper.abstract, topicSlugs }, candidates, limit);
}
