import { paperFeatures, sublinear } from "@/lib/embeddings/features";
import { dense, symmetricEigen, type Dense } from "./linalg";

// A topic-aware metric on top of the LSA space, learned from hand-labelled papers (the train
// split only): a ridge regression W from a paper's unit LSA vector x to its labels (must 1,
// ok ½, per topic), and the metric M = I + λ² W Wᵀ, under which two papers are close when
// their words are (I) and when the topics their words predict are (W Wᵀ). Applied as the linear
// map L = M^½ to every term row, so a paper's vector is still a plain sum of rows and cosine
// similarity of two vectors is their similarity under M: the runtime does not change.

export interface LabelledText {
  title: string;
  abstract: string;
  must: string[];
  ok: string[];
}

export interface MetricOptions {
  /** Ridge penalty of the regression to topics. */
  ridge: number;
  /** Weight of the predicted topics against the words. */
  topicWeight: number;
}

export const METRIC_DEFAULTS: MetricOptions = { ridge: 1, topicWeight: 3 };

/** A paper's unit vector from float term rows (terms × dims); null when no term is known. */
export function embedWithRows(
  title: string,
  abstract: string,
  index: Map<string, number>,
  rows: Float64Array,
  dims: number,
): Float64Array | null {
  const v = new Float64Array(dims);
  let known = 0;
  for (const [term, count] of paperFeatures(title, abstract)) {
    const r = index.get(term);
    if (r === undefined) continue;
    known++;
    const w = sublinear(count);
    for (let j = 0; j < dims; j++) v[j]! += w * rows[r * dims + j]!;
  }
  let norm = 0;
  for (const x of v) norm += x * x;
  if (known === 0 || norm === 0) return null;
  norm = Math.sqrt(norm);
  for (let j = 0; j < dims; j++) v[j]! /= norm;
  return v;
}

/** L = (I + λ² W Wᵀ)^½ (dims × dims, symmetric) from labelled papers' unit vectors. */
export function topicMetric(
  vectors: Float64Array[],
  labels: { must: string[]; ok: string[] }[],
  options: MetricOptions = METRIC_DEFAULTS,
): { transform: Dense; topics: string[] } {
  const k = vectors[0]!.length;
  const topics = [...new Set(labels.flatMap((l) => [...l.must, ...l.ok]))].sort();
  const t = topics.length;
  const xtx = dense(k, k);
  const xty = dense(k, t);
  for (const [i, x] of vectors.entries()) {
    const y = topics.map((topic) => (labels[i]!.must.includes(topic) ? 1 : labels[i]!.ok.includes(topic) ? 0.5 : 0));
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) xtx.data[a * k + b]! += x[a]! * x[b]!;
      for (let c = 0; c < t; c++) xty.data[a * t + c]! += x[a]! * y[c]!;
    }
  }
  // W = (XᵀX + ridge·I)⁻¹ XᵀY through the eigen-decomposition XᵀX = E D Eᵀ.
  const { values, vectors: e } = symmetricEigen(xtx);
  const projected = dense(k, t);
  for (let c = 0; c < k; c++)
    for (let j = 0; j < t; j++) {
      let s = 0;
      for (let a = 0; a < k; a++) s += e.data[a * k + c]! * xty.data[a * t + j]!;
      projected.data[c * t + j] = s / (values[c]! + options.ridge);
    }
  const w = dense(k, t);
  for (let a = 0; a < k; a++)
    for (let j = 0; j < t; j++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += e.data[a * k + c]! * projected.data[c * t + j]!;
      w.data[a * t + j] = s;
    }
  // M = I + λ² W Wᵀ, and its square root through its own eigen-decomposition.
  const lambda2 = options.topicWeight * options.topicWeight;
  const m = dense(k, k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let j = 0; j < t; j++) s += w.data[a * t + j]! * w.data[b * t + j]!;
      m.data[a * k + b] = (a === b ? 1 : 0) + lambda2 * s;
    }
  const eig = symmetricEigen(m);
  const transform = dense(k, k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += eig.vectors.data[a * k + c]! * Math.sqrt(eig.values[c]!) * eig.vectors.data[b * k + c]!;
      transform.data[a * k + b] = s;
    }
  return { transform, topics };
}

/** Every row r ← L r (L symmetric). */
export function transformRows(rows: Float64Array, dims: number, transform: Dense): Float64Array {
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length / dims; r++)
    for (let a = 0; a < dims; a++) {
      let s = 0;
      for (let b = 0; b < dims; b++) s += transform.data[a * dims + b]! * rows[r * dims + b]!;
      out[r * dims + a] = s;
    }
  return out;
}
