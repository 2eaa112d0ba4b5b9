import { idfTable } from "../embeddings/idf-table";
import { embedPaper, embedText, meanVector } from "../embeddings/vectors";
import { indexName, searchClient } from "../meilisearch/client";
import type { PaperDocument } from "./settings";
import { EMBEDDER } from "./settings";

export interface SimilarPaper {
  slug: string;
  title: string;
  score: number;
}

const FIELDS = ["slug", "title"];

/** A paper's nearest neighbours by text vector (Meilisearch's similar-documents endpoint). */
export async function similarToPaper(slug: string, limit = 5): Promise<SimilarPaper[]> {
  const result = await searchClient().index<PaperDocument>(indexName()).searchSimilarDocuments<PaperDocument>({
    id: slug,
    embedder: EMBEDDER,
    limit,
    attributesToRetrieve: FIELDS,
    showRankingScore: true,
  });
  return result.hits.map((hit) => ({ slug: hit.slug, title: hit.title, score: hit._rankingScore ?? 0 }));
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
  const table = idfTable();
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
