import { z } from "zod";
import type { Evidence } from "./evidence";
import { surfaceOf, WordTable, type Field, type Tokens, type Word } from "./features";

export { categoryFeature } from "./features";

// Features of the topic model learned from the arXiv categories of the whole corpus (75k papers,
// no hand labels): for each group of categories (cs.CV, cs.RO, the sciences outside computer
// science, …) and each stem, the log-ratio of how often papers of the group and papers outside
// it use the stem (scripts/topics/categories.ts). A paper's value for a group is the mean of
// that log-ratio over its distinct stems: how much it reads like the group's papers. It carries
// what a few hundred hand-labelled papers cannot: the vocabulary of pathology, traffic or
// robot grasping that says "an application" or "vision" though no labelled paper used it.

export const categoryTableSchema = z.object({
  /** The groups of arXiv categories, in the order of each stem's weights. */
  groups: z.array(z.string().regex(/^[a-z]+$/)),
  /** What the mean log-ratio is multiplied by as a feature. */
  scale: z.number().positive(),
  /** Per stem, its log-ratio in each group (stems not listed count as 0). */
  weights: z.record(z.string(), z.array(z.number())),
});

export type CategoryTable = z.infer<typeof categoryTableSchema>;

/** How many of a group's words are shown as the evidence of its feature. */
const EVIDENCE_WORDS = 3;

/**
 * A paper's category scores, reusable from paper to paper: `clear`, `add` the title and the
 * abstract, then `finish` gives each group's feature value, and `evidence` the words behind one
 * of them.
 */
export class CategoryScores {
  readonly values: Float64Array;
  private readonly groups: number;
  private readonly weights: Float64Array;
  /** Per word: the number of its stem (distinct stems count once) and its row in `weights` (-1: none). */
  private readonly stemOf: WordTable<{ stem: number; row: number }>;
  private readonly stemNumbers = new Map<string, number>();
  private seenIn = new Int32Array(1024);
  private paper = 0;
  private distinct = 0;
  /** The paper's stems that have a row (`found` of them): the row, and where the stem first occurred. */
  private found = 0;
  private rows = new Int32Array(256);
  private fields = new Uint8Array(256);
  private positions = new Int32Array(256);
  private readonly tokens: Tokens[] = [];
  /** Per group, the paper its evidence was last worked out for, and that evidence (rank k: found index, share). */
  private readonly evidenceFor: Int32Array;
  private readonly evidenceIndex: Int32Array;
  private readonly evidenceShare: Float64Array;

  constructor(table: CategoryTable) {
    this.groups = table.groups.length;
    this.values = new Float64Array(this.groups);
    const stems = Object.keys(table.weights);
    const rowOf = new Map(stems.map((s, r) => [s, r]));
    this.weights = new Float64Array(stems.length * this.groups);
    stems.forEach((s, r) => table.weights[s]!.forEach((w, g) => (this.weights[r * this.groups + g] = w * table.scale)));
    this.stemOf = new WordTable((word: Word) => {
      if (word.stop || word.skip) return { stem: -1, row: -1 };
      let stem = this.stemNumbers.get(word.stem);
      if (stem === undefined) this.stemNumbers.set(word.stem, (stem = this.stemNumbers.size));
      return { stem, row: rowOf.get(word.stem) ?? -1 };
    });
    this.evidenceFor = new Int32Array(this.groups);
    this.evidenceIndex = new Int32Array(this.groups * EVIDENCE_WORDS);
    this.evidenceShare = new Float64Array(this.groups * EVIDENCE_WORDS);
  }

  clear(): void {
    if (++this.paper === 0x7fffffff) {
      this.seenIn.fill(0);
      this.evidenceFor.fill(0);
      this.paper = 1;
    }
    this.distinct = 0;
    this.found = 0;
    this.tokens.length = 0;
    this.values.fill(0);
  }

  add(tokens: Tokens, field: Field): void {
    const fieldNumber = this.tokens.push(tokens) - 1;
    const { groups, weights, values } = this;
    for (let i = 0; i < tokens.length; i++) {
      const { stem, row } = this.stemOf.get(tokens.words[i]!);
      if (stem < 0) continue;
      if (stem >= this.seenIn.length) {
        const grown = new Int32Array(Math.max(2 * this.seenIn.length, stem + 1));
        grown.set(this.seenIn);
        this.seenIn = grown;
      }
      if (this.seenIn[stem] === this.paper) continue;
      this.seenIn[stem] = this.paper;
      this.distinct++;
      if (row < 0) continue;
      if (this.found === this.rows.length) this.grow();
      this.rows[this.found] = row;
      this.fields[this.found] = fieldNumber;
      this.positions[this.found++] = i;
      for (let g = 0; g < groups; g++) values[g]! += weights[row * groups + g]!;
    }
    this.fieldNames[fieldNumber] = field;
  }

  private readonly fieldNames: Field[] = [];

  private grow(): void {
    const size = 2 * this.rows.length;
    const rows = new Int32Array(size);
    const fields = new Uint8Array(size);
    const positions = new Int32Array(size);
    rows.set(this.rows);
    fields.set(this.fields);
    positions.set(this.positions);
    [this.rows, this.fields, this.positions] = [rows, fields, positions];
  }

  /** Ends the paper: each group's value is the mean over its distinct stems. */
  finish(): Float64Array {
    const n = Math.max(this.distinct, 1);
    for (let g = 0; g < this.groups; g++) this.values[g]! /= n;
    return this.values;
  }

  /**
   * The words that made `contribution` (what group `g`'s feature added to a topic): those whose
   * log-ratio has the sign of the paper's value, the strongest few, sharing it in proportion.
   */
  evidence(g: number, contribution: number): Evidence[] {
    const base = g * EVIDENCE_WORDS;
    if (this.evidenceFor[g] !== this.paper) this.workOutEvidence(g);
    const list: Evidence[] = [];
    for (let k = 0; k < EVIDENCE_WORDS; k++) {
      const index = this.evidenceIndex[base + k]!;
      if (index < 0) break;
      const weight = Math.round(contribution * this.evidenceShare[base + k]! * 100) / 100;
      if (!(weight > 0)) break;
      const tokens = this.tokens[this.fields[index]!]!;
      const at = this.positions[index]!;
      list.push({ phrase: surfaceOf(tokens, at, at), field: this.fieldNames[this.fields[index]!]!, weight });
    }
    return list;
  }

  /** Group g's strongest words of the paper (ties: the first met) and their shares. */
  private workOutEvidence(g: number): void {
    const base = g * EVIDENCE_WORDS;
    const sign = Math.sign(this.values[g]!);
    const best = this.evidenceIndex;
    const bestWeight = [0, 0, 0].slice(0, EVIDENCE_WORDS);
    best.fill(-1, base, base + EVIDENCE_WORDS);
    let total = 0;
    for (let k = 0; k < this.found; k++) {
      const w = this.weights[this.rows[k]! * this.groups + g]! * sign;
      if (!(w > 0)) continue;
      total += w;
      let at = EVIDENCE_WORDS;
      while (at > 0 && (best[base + at - 1]! < 0 || w > bestWeight[at - 1]!)) at--;
      if (at >= EVIDENCE_WORDS) continue;
      for (let j = EVIDENCE_WORDS - 1; j > at; j--) {
        best[base + j] = best[base + j - 1]!;
        bestWeight[j] = bestWeight[j - 1]!;
      }
      best[base + at] = k;
      bestWeight[at] = w;
    }
    for (let j = 0; j < EVIDENCE_WORDS; j++) this.evidenceShare[base + j] = total > 0 ? bestWeight[j]! / total : 0;
    this.evidenceFor[g] = this.paper;
  }
}
