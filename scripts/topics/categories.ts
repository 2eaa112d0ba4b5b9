import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { CategoryTable } from "../../lib/topics/categories";
import { emptyTokens, tokenize } from "../../lib/topics/features";

// The category table of the topic model (lib/topics/categories.ts), learned from the arXiv
// categories of the shared corpus: no hand label goes into it, and the labelled corpus papers
// (train, dev and test alike) are left out.

/** The groups of arXiv categories the model gets a feature for: a paper is in a group when any of its categories is. */
export const CATEGORY_GROUPS: Record<string, (category: string) => boolean> = {
  cv: (c) => c === "cs.CV" || c === "eess.IV",
  cl: (c) => c === "cs.CL",
  lg: (c) => c === "cs.LG" || c === "stat.ML",
  ro: (c) => c === "cs.RO" || c === "cs.MA",
  ir: (c) => c === "cs.IR",
  cr: (c) => c === "cs.CR",
  se: (c) => c === "cs.SE" || c === "cs.PL",
  gr: (c) => c === "cs.GR",
  hc: (c) => c === "cs.HC" || c === "cs.CY",
  au: (c) => c === "cs.SD" || c === "eess.AS",
  // the sciences and fields outside computer science (and computational engineering)
  dom: (c) => (!c.startsWith("cs.") && !["stat.ML", "eess.IV", "eess.AS", "math.OC"].includes(c)) || c === "cs.CE",
};

export interface CategoryTableOptions {
  /** A stem must occur in at least this many papers. */
  minDf: number;
  /** What the mean log-ratio is multiplied by as a feature. */
  scale: number;
}

export const CATEGORY_TABLE_OPTIONS: CategoryTableOptions = { minDf: 5, scale: 3 };

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Per stem of the corpus (title and abstract, distinct per paper), the log-ratio of the share of
 * a group's papers that use it to the share of the other papers (each count + 1, each total + 2).
 */
export async function learnCategoryTable(
  corpusFile: string,
  leaveOut: Set<string>,
  options: CategoryTableOptions,
): Promise<CategoryTable & { papers: number }> {
  const groups = Object.keys(CATEGORY_GROUPS);
  const inGroup = Object.values(CATEGORY_GROUPS);
  const df = new Map<string, Int32Array>(); // [papers, papers of each group…]
  const totals = new Int32Array(groups.length + 1);
  const title = emptyTokens();
  const abstract = emptyTokens();
  const lines = createInterface({ input: createReadStream(corpusFile).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const record = JSON.parse(line) as { id: string; title: string; abstract: string; categories?: string[] };
    if (leaveOut.has(record.id)) continue;
    const member = inGroup.map((is) => (record.categories ?? []).some(is));
    totals[0]!++;
    member.forEach((m, g) => m && totals[g + 1]!++);
    const stems = new Set<string>();
    for (const tokens of [tokenize(record.title, title), tokenize(record.abstract, abstract)])
      for (let i = 0; i < tokens.length; i++) {
        const word = tokens.words[i]!;
        if (!word.stop && !word.skip) stems.add(word.stem);
      }
    for (const stem of stems) {
      let counts = df.get(stem);
      if (!counts) df.set(stem, (counts = new Int32Array(groups.length + 1)));
      counts[0]!++;
      member.forEach((m, g) => m && counts[g + 1]!++);
    }
  }
  const weights: Record<string, number[]> = {};
  for (const stem of [...df.keys()].sort()) {
    const counts = df.get(stem)!;
    if (counts[0]! < options.minDf) continue;
    weights[stem] = groups.map((_, g) => {
      const inside = (counts[g + 1]! + 1) / (totals[g + 1]! + 2);
      const outside = (counts[0]! - counts[g + 1]! + 1) / (totals[0]! - totals[g + 1]! + 2);
      return round(Math.log(inside / outside));
    });
  }
  return { groups, scale: options.scale, weights, papers: totals[0]! };
}
