// Logistic regression with L2, one model per topic trained side by side on sparse features:
// full-batch Adam, deterministic (no random order, no random start), small enough for a few
// hundred papers × 25 topics × some thousand features.

export interface SparseRow {
  indices: number[];
  values: number[];
}

export interface LogisticOptions {
  /** L2 penalty on the weights (not the bias), per paper. */
  l2: number;
  epochs: number;
  learningRate: number;
}

export interface LogisticModel {
  /** weights[feature * topics + topic] */
  weights: Float64Array;
  bias: Float64Array;
  features: number;
  topics: number;
}

/**
 * Fits `topics` binary classifiers: `labels[i][t]` is 1 or 0, `sampleWeights[i][t]` what the
 * pair counts in the loss (0 leaves it out).
 */
export function fitLogistic(
  rows: SparseRow[],
  features: number,
  labels: Uint8Array[],
  sampleWeights: Float64Array[],
  topics: number,
  options: LogisticOptions,
): LogisticModel {
  const weights = new Float64Array(features * topics);
  const bias = new Float64Array(topics);
  const grad = new Float64Array(features * topics);
  const gradBias = new Float64Array(topics);
  const m = new Float64Array(features * topics);
  const v = new Float64Array(features * topics);
  const mb = new Float64Array(topics);
  const vb = new Float64Array(topics);
  const totalWeight = new Float64Array(topics);
  for (const w of sampleWeights) for (let t = 0; t < topics; t++) totalWeight[t]! += w[t]!;
  const scores = new Float64Array(topics);
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    grad.fill(0);
    gradBias.fill(0);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      scores.set(bias);
      for (let k = 0; k < row.indices.length; k++) {
        const base = row.indices[k]! * topics;
        const x = row.values[k]!;
        for (let t = 0; t < topics; t++) scores[t]! += weights[base + t]! * x;
      }
      const y = labels[i]!;
      const sw = sampleWeights[i]!;
      for (let t = 0; t < topics; t++) {
        const p = 1 / (1 + Math.exp(-scores[t]!));
        scores[t] = (p - y[t]!) * sw[t]!;
        gradBias[t]! += scores[t]!;
      }
      for (let k = 0; k < row.indices.length; k++) {
        const base = row.indices[k]! * topics;
        const x = row.values[k]!;
        for (let t = 0; t < topics; t++) grad[base + t]! += scores[t]! * x;
      }
    }
    const lr = options.learningRate;
    const c1 = 1 - beta1 ** epoch;
    const c2 = 1 - beta2 ** epoch;
    for (let j = 0; j < weights.length; j++) {
      const t = j % topics;
      const g = grad[j]! / Math.max(totalWeight[t]!, 1) + options.l2 * weights[j]!;
      m[j] = beta1 * m[j]! + (1 - beta1) * g;
      v[j] = beta2 * v[j]! + (1 - beta2) * g * g;
      weights[j]! -= (lr * (m[j]! / c1)) / (Math.sqrt(v[j]! / c2) + eps);
    }
    for (let t = 0; t < topics; t++) {
      const g = gradBias[t]! / Math.max(totalWeight[t]!, 1);
      mb[t] = beta1 * mb[t]! + (1 - beta1) * g;
      vb[t] = beta2 * vb[t]! + (1 - beta2) * g * g;
      bias[t]! -= (lr * (mb[t]! / c1)) / (Math.sqrt(vb[t]! / c2) + eps);
    }
  }
  return { weights, bias, features, topics };
}

/** The logit of every topic for one row. */
export function scoreRow(model: LogisticModel, row: SparseRow): Float64Array {
  const scores = Float64Array.from(model.bias);
  for (let k = 0; k < row.indices.length; k++) {
    const base = row.indices[k]! * model.topics;
    const x = row.values[k]!;
    for (let t = 0; t < model.topics; t++) scores[t]! += model.weights[base + t]! * x;
  }
  return scores;
}
