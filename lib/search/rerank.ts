import { idfTable } from "../embeddings/idf-table";
import { terms } from "../embeddings/terms";

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
  /** Meilisearch's ranking score for this paper, weighted by its query's place on the ladder. */
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

/** Meilisearch's typo budget: none below 5 letters, one from 5, two from 9. */
function typoBudget(term: string): number {
  return term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0;
}

/** Levenshtein distance, or max + 1 as soon as it must exceed `max`. */
function distanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The terms each query term stands for among the candidates: itself, and for a term the
 * corpus does not know and no candidate contains (most likely a typo), the candidates' terms within Meilisearch's typo
 * budget, so that a paper found despite a typo is not ranked as if the word were missing.
 */
function termVariants(query: ReadonlySet<string>, known: (term: string) => boolean, counted: Counted[]) {
  const variants = new Map<string, string[]>();
  const vocabulary = new Set(counted.flatMap((c) => [...c.counts.keys()]));
  for (const term of query) {
    const budget = typoBudget(term);
    const close =
      known(term) || budget === 0 || vocabulary.has(term)
        ? []
        : [...vocabulary].filter((v) => v !== term && distanceWithin(term, v, budget) <= budget);
    variants.set(term, [term, ...close]);
  }
  return variants;
}

function bm25(variants: Map<string, string[]>, candidate: Counted, idf: (term: string) => number): number {
  const norm = K1 * (1 - B + (B * candidate.length) / AVERAGE_LENGTH);
  let score = 0;
  for (const [term, forms] of variants) {
    let tf = 0;
    for (const form of forms) tf += candidate.counts.get(form) ?? 0;
    if (tf > 0) score += (idf(term) * tf * (K1 + 1)) / (tf + norm);
  }
  return score;
}

/** The candidates in their new order (a stable sort: ties keep Meilisearch's order). */
export function rerank<T extends RerankCandidate>(query: ReadonlySet<string>, candidates: T[]): T[] {
  const table = idfTable();
  const idf = (term: string) => table.idf[term] ?? table.unknownIdf;
  const counted = candidates.map(countTerms);
  const variants = termVariants(query, (term) => term in table.idf, counted);
  return candidates
    .map((candidate, index) => ({
      candidate,
      index,
      score: bm25(variants, counted[index]!, idf) + SEARCH_SCORE_WEIGHT * candidate.searchScore,
    }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.candidate);
}
