import type { TrainedVectors } from "./train";

// From the trained singular vectors to the rows the runtime sums: the first `dims` directions,
// each term's row multiplied by its IDF (so the runtime needs no IDF table) and the directions
// weighted by σ^sigmaPower (0: a paper's vector is its LSA coordinates U·Σ; −1: whitened, every
// direction counting alike). The vocabulary is pruned to the `maxTerms` terms found in the
// most papers: rarer ones add little to a paper's vector and would make the table large.

export interface TableOptions {
  dims: number;
  maxTerms: number;
  sigmaPower: number;
}

export const TABLE_DEFAULTS: TableOptions = { dims: 192, maxTerms: 40_000, sigmaPower: 0 };

export function termTable(trained: TrainedVectors, options: TableOptions): { terms: string[]; rows: Float64Array } {
  const { dims, maxTerms, sigmaPower } = options;
  const k = trained.termVectors.cols;
  if (dims > k) throw new Error(`asked for ${dims} dimensions, trained ${k}`);
  const kept = trained.terms
    .map((_, i) => i)
    .sort((a, b) => trained.df[b]! - trained.df[a]! || (trained.terms[a]! < trained.terms[b]! ? -1 : 1))
    .slice(0, maxTerms)
    .sort((a, b) => a - b);
  const weights = Float64Array.from({ length: dims }, (_, j) => Math.pow(trained.sigma[j]!, sigmaPower));
  const rows = new Float64Array(kept.length * dims);
  for (const [r, i] of kept.entries()) {
    const idf = trained.idf[i]!;
    for (let j = 0; j < dims; j++) rows[r * dims + j] = idf * weights[j]! * trained.termVectors.data[i * k + j]!;
  }
  return { terms: kept.map((i) => trained.terms[i]!), rows };
}
