import { idfTable, type IdfTable } from "../embeddings/idf-table";
import { terms } from "../embeddings/terms";
import { typoVariants } from "./typos";

// The second stage of a relaxed search: Meilisearch finds candidates (the query and its
// relaxations) but ranks by how many words match, not by how rare they are. This scores the
// first candidates with BM25 over stemmed title and abstract terms, using the corpus IDF
// table, plus Meilisearch's own (weighted) ranking score, which still carries typos,
// synonyms, proximity and exactness. The constants were fitted on the training and dev
// queries of scripts/eval/labels/known-items-scale.jsonl (never the test split).

const K1 = 1.2;
const B = 0.3;
/** A title term counts as this many abstract terms. */
const TITLE_WEIGHT = 1;
/** Terms in a typical paper (title + abstract, stop words left out), for length normalisation. */
const AVERAGE_LENGTH = 150;
/** Weight of Meilisearch's ranking score (0–1) against the BM25 sum (IDFs run 1–11). */
const SEARCH_SCORE_WEIGHT = 40;

export interface RerankCandidate {
  title: string;
  abstract: string;
  /** Meilisearch's ranking score for this paper, weighted by the weight of the query that found it. */
  searchScore: number;
}

interface Counted {
  counts: Map<string, number>;
  length: number;
}

function countTerms(candidate: RerankCandidate): Counted {
  const counts = new Map<string, number>();
  let length = 0;
  for (const term of terms(candidate.title)) {
    counts.set(term, (counts.get(term) ?? 0) + TITLE_WEIGHT);
    length += TITLE_WEIGHT;
  }
  for (const term of terms(candidate.abstract)) {
    counts.set(term, (counts.get(term) ?? 0) + 1);
    length += 1;
  }
  return { counts, length };
}

/**
 * The terms each query term stands for among the candidates: itself, and for a term the
 * corpus does not know and no candidate contains (most likely a typo), the candidates' terms within Meilisearch's typo
 * budget, so that a paper found despite a typo is not ranked as if the word were missing.
 */
function termVariants(query: ReadonlySet<string>, known: (term: string) => boolean, counted: Counted[]) {
  const variants = new Map<string, string[]>();
  let vocabulary: string[] | undefined;
  for (const term of query) {
    if (known(term)) {
      variants.set(term, [term]);
      continue;
    }
    vocabulary ??= [...new Set(counted.flatMap((c) => [...c.counts.keys()]))];
    variants.set(term, vocabulary.includes(term) ? [term] : [term, ...typoVariants(term, vocabulary)]);
  }
  return variants;
}

/**
 * A term's weight: its IDF; for a typo, that of the rarest word it stands for (a misspelled
 * common word must not weigh like a rare one), or the unknown-term IDF when it stands for none.
 */
function termWeights(variants: Map<string, string[]>, table: IdfTable): Map<string, number> {
  const weights = new Map<string, number>();
  for (const [term, forms] of variants) {
    const known = forms.map((f) => table.idf[f]).filter((idf): idf is number => idf !== undefined);
    weights.set(term, known.length > 0 ? Math.max(...known) : table.unknownIdf);
  }
  return weights;
}

function bm25(variants: Map<string, string[]>, weights: Map<string, number>, candidate: Counted): number {
  const norm = K1 * (1 - B + (B * candidate.length) / AVERAGE_LENGTH);
  let score = 0;
  for (const [term, forms] of variants) {
    let tf = 0;
    for (const form of forms) tf += candidate.counts.get(form) ?? 0;
    if (tf > 0) score += (weights.get(term)! * tf * (K1 + 1)) / (tf + norm);
  }
  return score;
}

/** The candidates in their new order (a stable sort: ties keep Meilisearch's order). */
export function rerank<T extends RerankCandidate>(query: ReadonlySet<string>, candidates: T[]): T[] {
  const table = idfTable();
  const counted = candidates.map(countTerms);
  const variants = termVariants(query, (term) => term in table.idf, counted);
  const weights = termWeights(variants, table);
  return candidates
    .map((candidate, index) => ({
      candidate,
      index,
      score: bm25(variants, weights, counted[index]!) + SEARCH_SCORE_WEIGHT * candidate.searchScore,
    }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.candidate);
}
