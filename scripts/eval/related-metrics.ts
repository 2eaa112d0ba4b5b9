import type { Split } from "./labelled-set";

// How good related papers are, judged by hand labels at both ends (issue 13): a related paper
// counts when its labels (must ∪ ok) share a topic with the query paper's must topics — the
// topics the query paper is about. The figure is the share of the top five that count,
// micro-averaged over the query papers of a split.

export interface JudgedPaper {
  key: string;
  split: Split;
  must: string[];
  /** must ∪ ok. */
  labels: string[];
}

export const RELATED_SHOWN = 5;

export function related(query: JudgedPaper, candidate: JudgedPaper): boolean {
  return query.must.some((t) => candidate.labels.includes(t));
}

export interface RelatedScore {
  queries: number;
  shown: number;
  hits: number;
  share: number;
}

export type ScoreBySplit = Record<Split | "all", RelatedScore>;

const SPLITS = ["train", "dev", "test", "all"] as const;

function emptyScores(): ScoreBySplit {
  return Object.fromEntries(SPLITS.map((s) => [s, { queries: 0, shown: 0, hits: 0, share: 0 }])) as ScoreBySplit;
}

function finish(scores: ScoreBySplit): ScoreBySplit {
  for (const s of SPLITS) scores[s].share = scores[s].hits / Math.max(1, scores[s].shown);
  return scores;
}

/**
 * The share of related papers that count, per split of the query papers. `neighbours` gives a
 * query's related papers, best first (keys of labelled papers; others are an error: every
 * candidate must be judged by its labels).
 */
export async function scoreRelated(
  queries: JudgedPaper[],
  pool: Map<string, JudgedPaper>,
  neighbours: (query: JudgedPaper) => string[] | Promise<string[]>,
): Promise<ScoreBySplit> {
  const scores = emptyScores();
  for (const query of queries) {
    const shown = (await neighbours(query)).slice(0, RELATED_SHOWN);
    const hits = shown.filter((key) => {
      const candidate = pool.get(key);
      if (!candidate) throw new Error(`related paper ${key} of ${query.key} has no labels`);
      if (key === query.key) throw new Error(`${query.key} is related to itself`);
      return related(query, candidate);
    }).length;
    for (const s of [query.split, "all"] as const) {
      scores[s].queries++;
      scores[s].shown += shown.length;
      scores[s].hits += hits;
    }
  }
  return finish(scores);
}

/** What picking related papers at random from the pool would score (its expectation). */
export function randomScore(queries: JudgedPaper[], pool: Map<string, JudgedPaper>): ScoreBySplit {
  const scores = emptyScores();
  for (const query of queries) {
    const others = [...pool.values()].filter((c) => c.key !== query.key);
    const share = others.filter((c) => related(query, c)).length / Math.max(1, others.length);
    for (const s of [query.split, "all"] as const) {
      scores[s].queries++;
      scores[s].shown += RELATED_SHOWN;
      scores[s].hits += RELATED_SHOWN * share;
    }
  }
  return finish(scores);
}

/** The `limit` pool papers most similar to a query (not itself), best first; ties by key. */
export function nearest(
  query: string,
  pool: Iterable<string>,
  similarity: (a: string, b: string) => number,
  limit = RELATED_SHOWN,
): string[] {
  return [...pool]
    .filter((key) => key !== query)
    .map((key) => ({ key, score: similarity(query, key) }))
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1))
    .slice(0, limit)
    .map((c) => c.key);
}

/** Sparse TF-IDF vectors of unit length, and their cosine: the plain baseline. */
export function tfidfVectors(
  features: Map<string, number>,
  idf: (term: string) => number,
  dampen: (count: number) => number,
): Map<string, number> {
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [term, count] of features) {
    const w = dampen(count) * idf(term);
    vector.set(term, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, w] of vector) vector.set(term, w / norm);
  return vector;
}

export function sparseCosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  return dot;
}
