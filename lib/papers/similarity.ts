// A simple text-and-topic similarity for related papers: cosine similarity of TF-IDF vectors
// (sublinear counts, title words counted twice, document frequencies taken from the
// candidates themselves), plus a bonus per shared topic. Good enough to start with, needs no
// index, and keeps working when the search engine is down.

const STOP_WORDS = new Set(
  (
    "a an and are as at be by can for from has have in into is it its of on or our over such than that the their " +
    "these this to under via we which while with without both more most not also using use used based new show " +
    "shows propose proposed method methods approach results paper work task tasks model models data performance " +
    "however existing learning training large language neural network networks achieve achieves demonstrate"
  ).split(" "),
);

export type TermVector = Map<string, number>;

export function termVector(title: string, abstract: string): TermVector {
  const vector: TermVector = new Map();
  const add = (text: string, weight: number) => {
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []) {
      if (!STOP_WORDS.has(word)) vector.set(word, (vector.get(word) ?? 0) + weight);
    }
  };
  add(title, 2);
  add(abstract, 1);
  return vector;
}

export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  for (const [word, weight] of a) dot += weight * (b.get(word) ?? 0);
  if (dot === 0) return 0;
  const norm = (v: TermVector) => Math.sqrt([...v.values()].reduce((sum, w) => sum + w * w, 0));
  return dot / (norm(a) * norm(b));
}

export interface SimilarityCandidate {
  slug: string;
  title: string;
  abstract: string;
  topicSlugs: string[];
}

const TOPIC_BONUS = 0.1;

/** Weights each term by 1 + log(count) times its inverse document frequency. */
function tfIdf(vector: TermVector, idf: (word: string) => number): TermVector {
  const weighted: TermVector = new Map();
  for (const [word, count] of vector) weighted.set(word, (1 + Math.log(count)) * idf(word));
  return weighted;
}

/** The candidates most similar to a paper, best first; the paper itself is excluded. */
export function rankRelated(
  paper: SimilarityCandidate,
  candidates: SimilarityCandidate[],
  limit: number,
): { slug: string; title: string }[] {
  const others = candidates.filter((c) => c.slug !== paper.slug);
  const vectors = others.map((c) => termVector(c.title, c.abstract));
  const documentFrequency = new Map<string, number>();
  for (const vector of vectors)
    for (const word of vector.keys()) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const idf = (word: string) => Math.log((others.length + 1) / ((documentFrequency.get(word) ?? 0) + 1)) + 1;
  const target = tfIdf(termVector(paper.title, paper.abstract), idf);
  return others
    .map((c, i) => ({
      c,
      score:
        cosine(target, tfIdf(vectors[i]!, idf)) + TOPIC_BONUS * c.topicSlugs.filter((t) => paper.topicSlugs.includes(t)).length,
    }))
    .sort((a, b) => b.score - a.score || a.c.slug.localeCompare(b.c.slug))
    .slice(0, limit)
    .map(({ c }) => ({ slug: c.slug, title: c.title }));
}
