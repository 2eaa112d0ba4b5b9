// Known-item search evaluation: each query names one paper that should come first.

export interface KnownItemQuery {
  kind: string;
  query: string;
  /** Slug of the paper the query describes. */
  target: string;
}

export interface KindScore {
  kind: string;
  queries: number;
  mrr: number;
  successAt1: number;
}

/** 1/rank of the target within the first k results, 0 when it is not there. */
export function reciprocalRank(results: string[], target: string, k = 10): number {
  const index = results.slice(0, k).indexOf(target);
  return index < 0 ? 0 : 1 / (index + 1);
}

/** MRR@10 and success@1 per kind, plus an "all" row. */
export function scoreByKind(runs: { kind: string; results: string[]; target: string }[]): KindScore[] {
  const kinds = [...new Set(runs.map((r) => r.kind)), "all"];
  return kinds.map((kind) => {
    const selected = kind === "all" ? runs : runs.filter((r) => r.kind === kind);
    const rr = selected.map((r) => reciprocalRank(r.results, r.target));
    return {
      kind,
      queries: selected.length,
      mrr: rr.reduce((a, b) => a + b, 0) / Math.max(1, rr.length),
      successAt1: rr.filter((x) => x === 1).length / Math.max(1, rr.length),
    };
  });
}
