import "server-only";
import { relatedCandidates } from "./queries";
import { rankRelated } from "./similarity";
import type { PaperDetail } from "./types";

export interface RelatedPaper {
  slug: string;
  title: string;
}

/** Related papers: those sharing a topic, ranked by text similarity and shared topics. */
export async function relatedPapers(paper: PaperDetail, limit = 5): Promise<RelatedPaper[]> {
  const topicSlugs = paper.topics.map((t) => t.slug);
  const candidates = await relatedCandidates(paper.slug, topicSlugs);
  return rankRelated({ slug: paper.slug, title: paper.title, abstract: paper.abstract, topicSlugs }, candidates, limit);
}
