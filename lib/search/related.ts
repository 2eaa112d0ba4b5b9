import "server-only";
import type { PaperDocument } from "./document";
import { indexName, searchClient } from "./client";
import { quoteFilterValue } from "./filters";

export interface RelatedPaper {
  slug: string;
  title: string;
}

/**
 * Papers related by text and topics: the paper's title as the query (any of its words may
 * match), restricted to papers sharing a topic, itself excluded.
 */
export async function relatedByText(slug: string, title: string, topicSlugs: string[], limit = 5): Promise<RelatedPaper[]> {
  const filter = [`id != ${quoteFilterValue(slug)}`];
  if (topicSlugs.length) filter.push(`topics IN [${topicSlugs.map(quoteFilterValue).join(", ")}]`);
  const result = await searchClient()
    .index<PaperDocument>(indexName())
    .search(title, { filter, limit, attributesToRetrieve: ["slug", "title"], matchingStrategy: "last" });
  return result.hits.map((hit) => ({ slug: hit.slug, title: hit.title }));
}
