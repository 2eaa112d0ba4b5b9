import { paperFeatures, sublinear } from "@/lib/embeddings/features";
import {
  dense,
  gaussian,
  orthonormalize,
  seededRandom,
  sparseTimes,
  sparseTransposeTimes,
  symmetricEigen,
  timesSmall,
  transposeTimes,
  type Dense,
  type SparseRows,
} from "./linalg";

// Latent semantic analysis: a truncated SVD of the papers' TF-IDF matrix (stemmed terms and
// bigrams, sublinear counts, rows of unit length), found by a randomized SVD (Halko, Martinsson
// & Tropp 2011) with a few power iterations. The right singular vectors give every term a
// vector; a paper's vector is then the IDF-weighted sum of its terms' vectors, so papers that
// use different words for the same subject land close together.

export interface TrainOptions {
  /** Dimensions kept (the largest asked for: a smaller table keeps the first of them). */
  dims: number;
  /** Extra random directions beyond `dims`, for accuracy. */
  oversample: number;
  /** Power iterations: sharpen the spectrum so the leading directions come out right. */
  powerIterations: number;
  /** Fewest papers a term or bigram must occur in to be part of the vocabulary. */
  minDf: number;
  seed: number;
  log?: (message: string) => void;
}

export const TRAIN_DEFAULTS: TrainOptions = { dims: 192, oversample: 24, powerIterations: 2, minDf: 5, seed: 13 };

export interface Paper {
  title: string;
  abstract: string;
}

export interface TrainedVectors {
  documents: number;
  /** The vocabulary, sorted. */
  terms: string[];
  df: Int32Array;
  idf: Float64Array;
  /** Singular values, largest first. */
  sigma: Float64Array;
  /** Term i's coordinates along the singular directions: row i (terms × dims). */
  termVectors: Dense;
}

export function idfOf(df: number, documents: number): number {
  return Math.log((documents + 1) / df);
}

/** The vocabulary: every term or bigram in at least minDf papers, sorted, with its df. */
export function vocabulary(papers: Paper[], minDf: number): { terms: string[]; df: Int32Array } {
  const counts = new Map<string, number>();
  for (const paper of papers) {
    for (const term of paperFeatures(paper.title, paper.abstract).keys()) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const terms = [...counts]
    .filter(([, n]) => n >= minDf)
    .map(([term]) => term)
    .sort();
  return { terms, df: Int32Array.from(terms, (t) => counts.get(t)!) };
}

/** The TF-IDF matrix (papers × vocabulary), each row of unit length. */
export function tfidfMatrix(papers: Paper[], terms: string[], idf: Float64Array): SparseRows {
  const column = new Map(terms.map((t, i) => [t, i]));
  const rowStart = new Int32Array(papers.length + 1);
  const cols: number[] = [];
  const values: number[] = [];
  for (const [r, paper] of papers.entries()) {
    const entries: [number, number][] = [];
    for (const [term, count] of paperFeatures(paper.title, paper.abstract)) {
      const c = column.get(term);
      if (c !== undefined) entries.push([c, sublinear(count) * idf[c]!]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((s, [, v]) => s + v * v, 0)) || 1;
    for (const [c, v] of entries) {
      cols.push(c);
      values.push(v / norm);
    }
    rowStart[r + 1] = cols.length;
  }
  return {
    rows: papers.length,
    cols: terms.length,
    rowStart,
    colIndex: Int32Array.from(cols),
    values: Float32Array.from(values),
  };
}

/**
 * The leading `k` singular values and right singular vectors of X (randomized: a Gaussian
 * sketch of k + oversample columns, power iterations, then the exact SVD of the small
 * projected matrix through the eigen-decomposition of its Gram matrix). Only the paper side
 * (n × l) is orthonormalized: the term side is several times taller, and with a few power
 * iterations in double precision the sketch keeps its range without it.
 */
export function randomizedSvd(
  x: SparseRows,
  k: number,
  oversample: number,
  powerIterations: number,
  random: () => number,
  log: (message: string) => void = () => {},
): { sigma: Float64Array; right: Dense } {
  const l = Math.min(k + oversample, x.cols, x.rows);
  let q = orthonormalize(sparseTimes(x, gaussian(x.cols, l, random)), powerIterations === 0 ? 2 : 1);
  log(`  sketch of ${l} directions`);
  for (let i = 0; i < powerIterations; i++) {
    // The last basis must be orthonormal to working precision: two passes.
    q = orthonormalize(sparseTimes(x, sparseTransposeTimes(x, q)), i === powerIterations - 1 ? 2 : 1);
    log(`  power iteration ${i + 1} of ${powerIterations}`);
  }
  // B = Qᵀ X is small × terms; with Z = Xᵀ Q = Bᵀ, B Bᵀ = Qᵀ (X Z) = U Σ² Uᵀ, and the right
  // singular vectors are V = Bᵀ U Σ⁻¹ = Z U Σ⁻¹.
  const z = sparseTransposeTimes(x, q);
  const { values, vectors } = symmetricEigen(symmetrize(transposeTimes(q, sparseTimes(x, z))));
  const kept = Math.min(k, q.cols);
  const sigma = Float64Array.from({ length: kept }, (_, i) => Math.sqrt(Math.max(values[i]!, 0)));
  const u = dense(vectors.rows, kept);
  for (let r = 0; r < vectors.rows; r++)
    for (let c = 0; c < kept; c++) u.data[r * kept + c] = vectors.data[r * vectors.cols + c]! / (sigma[c]! || 1);
  log(`  singular vectors`);
  return { sigma, right: timesSmall(z, u) };
}

/** (M + Mᵀ) / 2: a product that is symmetric in exact arithmetic, made so in floating point. */
function symmetrize(m: Dense): Dense {
  const n = m.rows;
  const out = dense(n, n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) out.data[a * n + b] = (m.data[a * n + b]! + m.data[b * n + a]!) / 2;
  return out;
}

/** Trains the term vectors on the papers given (in a fixed order: the result depends on it). */
export function trainTermVectors(papers: Paper[], options: TrainOptions = TRAIN_DEFAULTS): TrainedVectors {
  const log = options.log ?? (() => {});
  const { terms, df } = vocabulary(papers, options.minDf);
  log(`  vocabulary: ${terms.length} terms and bigrams`);
  const idf = Float64Array.from(df, (n) => idfOf(n, papers.length));
  const x = tfidfMatrix(papers, terms, idf);
  log(`  ${papers.length} papers × ${terms.length} terms and bigrams, ${x.values.length} entries`);
  const { sigma, right } = randomizedSvd(
    x,
    options.dims,
    options.oversample,
    options.powerIterations,
    seededRandom(options.seed),
    log,
  );
  return { documents: papers.length, terms, df, idf, sigma, termVectors: right };
}
