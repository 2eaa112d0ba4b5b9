// The linear algebra of the term vectors' training, in plain TypeScript: a sparse matrix in
// compressed rows, dense matrices stored row by row in Float64Arrays, a seeded generator, and
// the symmetric eigen-decomposition (cyclic Jacobi) of the small matrices a randomized SVD
// leaves. Nothing here depends on the time or on Math.random: the same input gives the same
// numbers.

/** A sparse matrix in compressed sparse row form. */
export interface SparseRows {
  rows: number;
  cols: number;
  /** Row r's entries are at rowStart[r] .. rowStart[r + 1] - 1 of colIndex / values. */
  rowStart: Int32Array;
  colIndex: Int32Array;
  values: Float32Array;
}

/** A dense matrix, row by row: entry (r, c) at data[r * cols + c]. */
export interface Dense {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function dense(rows: number, cols: number): Dense {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** A seeded generator (mulberry32): uniform numbers in [0, 1), the same sequence for a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A matrix of standard normal entries (Box–Muller) from a seeded generator. */
export function gaussian(rows: number, cols: number, random: () => number): Dense {
  const m = dense(rows, cols);
  for (let i = 0; i < m.data.length; i += 2) {
    const u = 1 - random();
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    m.data[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < m.data.length) m.data[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return m;
}

/** X · M, X sparse (n × d), M dense (d × l). */
export function sparseTimes(x: SparseRows, m: Dense): Dense {
  const l = m.cols;
  const out = dense(x.rows, l);
  const { rowStart, colIndex, values } = x;
  const o = out.data;
  const md = m.data;
  for (let r = 0; r < x.rows; r++) {
    const at = r * l;
    for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
      const v = values[e]!;
      const from = colIndex[e]! * l;
      for (let j = 0; j < l; j++) o[at + j]! += v * md[from + j]!;
    }
  }
  return out;
}

/** Xᵀ · M, X sparse (n × d), M dense (n × l). */
export function sparseTransposeTimes(x: SparseRows, m: Dense): Dense {
  const l = m.cols;
  const out = dense(x.cols, l);
  const { rowStart, colIndex, values } = x;
  const o = out.data;
  const md = m.data;
  for (let r = 0; r < x.rows; r++) {
    const from = r * l;
    for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
      const v = values[e]!;
      const at = colIndex[e]! * l;
      for (let j = 0; j < l; j++) o[at + j]! += v * md[from + j]!;
    }
  }
  return out;
}

/** Mᵀ · M (l × l) of a tall matrix. */
export function gram(m: Dense): Dense {
  const l = m.cols;
  const g = dense(l, l);
  const gd = g.data;
  const md = m.data;
  for (let r = 0; r < m.rows; r++) {
    const o = r * l;
    for (let a = 0; a < l; a++) {
      const va = md[o + a]!;
      if (va === 0) continue;
      const ga = a * l;
      for (let b = a; b < l; b++) gd[ga + b]! += va * md[o + b]!;
    }
  }
  for (let a = 0; a < l; a++) for (let b = 0; b < a; b++) gd[a * l + b] = gd[b * l + a]!;
  return g;
}

/** Aᵀ · B of two tall matrices with the same rows (A: n × a, B: n × b). */
export function transposeTimes(a: Dense, b: Dense): Dense {
  const out = dense(a.cols, b.cols);
  const od = out.data;
  const ad = a.data;
  const bd = b.data;
  const k = b.cols;
  for (let r = 0; r < a.rows; r++) {
    const ar = r * a.cols;
    const br = r * k;
    for (let i = 0; i < a.cols; i++) {
      const v = ad[ar + i]!;
      if (v === 0) continue;
      const oi = i * k;
      for (let j = 0; j < k; j++) od[oi + j]! += v * bd[br + j]!;
    }
  }
  return out;
}

/** M · S, M tall (n × l), S small (l × k). */
export function timesSmall(m: Dense, s: Dense): Dense {
  const out = dense(m.rows, s.cols);
  const k = s.cols;
  const od = out.data;
  const md = m.data;
  const sd = s.data;
  for (let r = 0; r < m.rows; r++) {
    const o = r * k;
    const i = r * m.cols;
    for (let a = 0; a < m.cols; a++) {
      const v = md[i + a]!;
      if (v === 0) continue;
      const sa = a * k;
      for (let j = 0; j < k; j++) od[o + j]! += v * sd[sa + j]!;
    }
  }
  return out;
}

/**
 * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: eigenvalues in
 * descending order, eigenvectors as the columns of `vectors` in the same order.
 */
export function symmetricEigen(matrix: Dense, maxSweeps = 60): { values: Float64Array; vectors: Dense } {
  const n = matrix.rows;
  const a = Float64Array.from(matrix.data);
  const v = dense(n, n);
  for (let i = 0; i < n; i++) v.data[i * n + i] = 1;
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(a[i * n + i]!));
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off = Math.max(off, Math.abs(a[p * n + q]!));
    if (off <= 1e-15 * scale) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) <= 1e-18 * scale) continue;
        const app = a[p * n + p]!;
        const aqq = a[q * n + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        // A ← Jᵀ A J on rows and columns p and q.
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v.data[k * n + p]!;
          const vkq = v.data[k * n + q]!;
          v.data[k * n + p] = c * vkp - s * vkq;
          v.data[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j]! - a[i * n + i]! || i - j);
  const values = Float64Array.from(order, (i) => a[i * n + i]!);
  const vectors = dense(n, n);
  for (let r = 0; r < n; r++) for (const [c, i] of order.entries()) vectors.data[r * n + c] = v.data[r * n + i]!;
  return { values, vectors };
}

/**
 * An orthonormal basis of a tall matrix's columns: M · W · Λ^-½ from the eigen-decomposition
 * of Mᵀ M (directions with no weight dropped). One pass loses some orthogonality when the
 * columns are far apart in scale; a second pass restores it.
 */
export function orthonormalize(m: Dense, passes = 1): Dense {
  let q = m;
  for (let pass = 0; pass < passes; pass++) {
    const { values, vectors } = symmetricEigen(gram(q));
    const keep = [...values].filter((x) => x > values[0]! * 1e-13).length;
    const w = dense(q.cols, keep);
    for (let r = 0; r < q.cols; r++)
      for (let c = 0; c < keep; c++) w.data[r * keep + c] = vectors.data[r * q.cols + c]! / Math.sqrt(values[c]!);
    q = timesSmall(q, w);
  }
  return q;
}
