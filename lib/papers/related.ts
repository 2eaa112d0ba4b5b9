import "server-only";
import { relatedByText, type RelatedPaper } from "../search/related";
import { papersSharingTopics } from "./queries";
import type { PaperDetail } from "./types";

/** Related papers from the search index, or from shared topics alone when it is down. */
export async function relatedPapers(paper: PaperDetail, limit = 5): Promise<RelatedPaper[]> {
  const topicSlugs = paper.topics.map((t) => t.slug);
  try {
    return await relatedByText(paper.slug, paper.title, topicSlugs, limit);
  } catch {
    return papersSharingTopics(paper.slug, topicSlugs, limit);
  }
}
