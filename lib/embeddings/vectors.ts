import { terms } from "./terms";

// Paper and query vectors without a model: TF-IDF over stemmed terms (title terms count
// twice, counts are dampened with 1 + log), projected to DIMENSIONS by a sparse random
// projection whose signs and positions come from a hash of the term. Cosine similarity of
// the projections approximates that of the full TF-IDF vectors (Johnson–Lindenstrauss), and
// a paper's vector depends only on its own text and the fixed IDF table.

export const DIMENSIONS = 384;
const NONZEROS = 8;

export interface IdfTable {
  /** IDF of terms seen in at least minDf documents of the training corpus. */
  idf: Record<string, number>;
  /** IDF given to terms the table does not know: rare, so informative. */
  unknownIdf: number;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const projectionCache = new Map<string, Int16Array>();

/** NONZEROS (position, sign) pairs for a term, encoded as ±(position + 1). */
function projection(term: string): Int16Array {
  let cached = projectionCache.get(term);
  if (cached) return cached;
  cached = new Int16Array(NONZEROS);
  let state = fnv1a(term) || 1;
  for (let i = 0; i < NONZEROS; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    const position = state % DIMENSIONS;
    cached[i] = (state & 0x100 ? 1 : -1) * (position + 1);
  }
  if (projectionCache.size < 200_000) projectionCache.set(term, cached);
  return cached;
}

/** Weighted term counts → unit vector; null when no term carries weight. */
export function embedTerms(counts: Map<string, number>, table: IdfTable): number[] | null {
  const vector = new Float64Array(DIMENSIONS);
  for (const [term, count] of counts) {
    const weight = (1 + Math.log(count)) * (table.idf[term] ?? table.unknownIdf);
    for (const code of projection(term)) {
      vector[Math.abs(code) - 1]! += code > 0 ? weight : -weight;
    }
  }
  let norm = 0;
  for (const x of vector) norm += x * x;
  if (norm === 0) return null;
  norm = Math.sqrt(norm);
  // Four decimals are plenty for cosine similarity and keep documents small.
  return Array.from(vector, (x) => Math.round((x / norm) * 10_000) / 10_000);
}

function count(list: string[], into = new Map<string, number>(), weight = 1): Map<string, number> {
  for (const term of list) into.set(term, (into.get(term) ?? 0) + weight);
  return into;
}

export function embedPaper(title: string, abstract: string, table: IdfTable): number[] | null {
  return embedTerms(count(terms(abstract), count(terms(title), undefined, 2)), table);
}

export function embedText(text: string, table: IdfTable): number[] | null {
  return embedTerms(count(terms(text)), table);
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

/** The normalized mean of unit vectors: a centroid to search around; null for none. */
export function meanVector(vectors: number[][]): number[] | null {
  if (vectors.length === 0) return null;
  const sum = new Float64Array(DIMENSIONS);
  for (const v of vectors) for (let i = 0; i < DIMENSIONS; i++) sum[i]! += v[i] ?? 0;
  let norm = 0;
  for (const x of sum) norm += x * x;
  if (norm === 0) return null;
  norm = Math.sqrt(norm);
  return Array.from(sum, (x) => Math.round((x / norm) * 10_000) / 10_000);
}
