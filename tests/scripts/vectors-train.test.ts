import { describe, expect, it } from "vitest";
import { seededRandom, symmetricEigen, dense, type SparseRows } from "@/scripts/vectors/linalg";
import { seedPapers } from "@/scripts/vectors/papers";
import { randomizedSvd, trainTermVectors } from "@/scripts/vectors/train";

// The training of the term vectors (npm run vectors:train), on the seeds only: the corpus it
// really trains on is outside the repository.

function randomSparse(rows: number, cols: number, density: number, seed: number): SparseRows {
  const random = seededRandom(seed);
  const rowStart = new Int32Array(rows + 1);
  const colIndex: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (random() < density) {
        colIndex.push(c);
        values.push(random() + (c % 3 === 0 ? 2 : 0));
      }
    }
    rowStart[r + 1] = colIndex.length;
  }
  return { rows, cols, rowStart, colIndex: Int32Array.from(colIndex), values: Float32Array.from(values) };
}

describe("the randomized SVD", () => {
  it("finds the leading singular values of a matrix (checked against XᵀX's eigenvalues)", () => {
    const x = randomSparse(120, 30, 0.3, 7);
    const xtx = dense(30, 30);
    for (let r = 0; r < x.rows; r++)
      for (let a = x.rowStart[r]!; a < x.rowStart[r + 1]!; a++)
        for (let b = x.rowStart[r]!; b < x.rowStart[r + 1]!; b++)
          xtx.data[x.colIndex[a]! * 30 + x.colIndex[b]!]! += x.values[a]! * x.values[b]!;
    const exact = symmetricEigen(xtx).values.slice(0, 5).map(Math.sqrt);
    const { sigma, right } = randomizedSvd(x, 5, 10, 2, seededRandom(1));
    for (let i = 0; i < 5; i++) expect(sigma[i]!).toBeCloseTo(exact[i]!, 4);
    // Right singular vectors are orthonormal.
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) {
        let dot = 0;
        for (let t = 0; t < 30; t++) dot += right.data[t * 5 + i]! * right.data[t * 5 + j]!;
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 6);
      }
  });
});

describe("training on papers", () => {
  const papers = seedPapers().slice(0, 150);
  const options = { dims: 8, oversample: 6, powerIterations: 2, minDf: 3, seed: 5 };

  it("is deterministic: the same papers and seed give the same vectors", () => {
    const a = trainTermVectors(papers, options);
    const b = trainTermVectors(papers, options);
    expect(a.terms).toEqual(b.terms);
    expect(Array.from(a.termVectors.data)).toEqual(Array.from(b.termVectors.data));
    expect(a.terms).toContain("languag model");
    expect(a.termVectors.rows).toBe(a.terms.length);
    expect(a.termVectors.cols).toBe(8);
  });
});
