import { paperFeatures, sublinear, textFeatures } from "./features";
import { termVectors, termVectorsHeader, type TermVectors } from "./term-vectors";

export type { IdfTable } from "./idf-table";

// Paper and text vectors: the sum of the trained term vectors (lib/embeddings/term-vectors,
// latent semantic analysis of the arXiv corpus) of the text's terms and bigrams, weighted by
// dampened counts (the IDF is in the rows), scaled to unit length. Papers on one subject
// land close together even when they word it differently, and a pasted text is embedded the
// same way as a paper, with no model to download or run.

/** Dimensions of the vectors: those of the committed table. */
export const DIMENSIONS = termVectorsHeader().dims;

/** Weighted term counts → unit vector; null when no term of the text is in the table. */
export function embedFeatures(counts: Map<string, number>, table: TermVectors = termVectors()): number[] | null {
  const { dims, index, scales, values } = table;
  const vector = new Float64Array(dims);
  let known = 0;
  for (const [term, count] of counts) {
    const row = index.get(term);
    if (row === undefined) continue;
    known++;
    const weight = sublinear(count) * scales[row]!;
    const offset = row * dims;
    for (let j = 0; j < dims; j++) vector[j]! += weight * values[offset + j]!;
  }
  if (known === 0) return null;
  return unit(vector);
}

export function embedPaper(title: string, abstract: string, table?: TermVectors): number[] | null {
  return embedFeatures(paperFeatures(title, abstract), table);
}

export function embedText(text: string, table?: TermVectors): number[] | null {
  return embedFeatures(textFeatures(text), table);
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

/** The normalized mean of unit vectors: a centroid to search around; null for none. */
export function meanVector(vectors: number[][]): number[] | null {
  if (vectors.length === 0) return null;
  const sum = new Float64Array(vectors[0]!.length);
  for (const v of vectors) for (let i = 0; i < sum.length; i++) sum[i]! += v[i] ?? 0;
  return unit(sum);
}

function unit(vector: Float64Array): number[] | null {
  let norm = 0;
  for (const x of vector) norm += x * x;
  if (norm === 0) return null;
  norm = Math.sqrt(norm);
  // Four decimals are plenty for cosine similarity and keep documents small.
  return Array.from(vector, (x) => Math.round((x / norm) * 10_000) / 10_000);
}
