import { sublinear } from "./features";
import { termOf, words } from "./terms";
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
  const rows: number[] = [];
  const weights: number[] = [];
  for (const [term, count] of counts) {
    const row = table.index.get(term);
    if (row === undefined) continue;
    rows.push(row);
    weights.push(count);
  }
  return rows.length === 0 ? null : embedRows(rows, weights, table);
}

// The same vectors as embedFeatures(paperFeatures(…)) and embedFeatures(textFeatures(…)), made
// without building the features' strings: the ingest embeds every paper, and that was its
// largest cost. Each word is looked up once per table (its term's row, and the rows of the
// bigrams it starts); rows are counted in the order their features first occur, so that every
// sum is added up in the same order (tests/embeddings/vectors.test.ts checks equality to the bit).

interface Word {
  term: string;
  /** The term's row, or -1. */
  row: number;
  /** Rows of the bigrams "term second", by second term. */
  next: Map<string, number> | undefined;
}

/** A table's rows by word, with buffers reused from text to text (embedding is synchronous). */
interface RowLookup {
  bigrams: Map<string, Map<string, number>>;
  words: Map<string, Word | null>;
  /** 1 + position in `rows` of each row counted so far in the current text; 0 = not yet. */
  slot: Int32Array;
  rows: number[];
  counts: number[];
}

const MAX_WORDS = 200_000;
const lookups = new WeakMap<TermVectors, RowLookup>();

function rowLookup(table: TermVectors): RowLookup {
  let lookup = lookups.get(table);
  if (!lookup) {
    const bigrams = new Map<string, Map<string, number>>();
    for (const [feature, row] of table.index) {
      // Terms hold no space: a feature with one is a bigram "first second".
      const space = feature.indexOf(" ");
      if (space < 0) continue;
      const first = feature.slice(0, space);
      let seconds = bigrams.get(first);
      if (!seconds) bigrams.set(first, (seconds = new Map<string, number>()));
      seconds.set(feature.slice(space + 1), row);
    }
    lookup = { bigrams, words: new Map(), slot: new Int32Array(table.index.size), rows: [], counts: [] };
    lookups.set(table, lookup);
  }
  return lookup;
}

function wordOf(word: string, table: TermVectors, lookup: RowLookup): Word | null {
  let found = lookup.words.get(word);
  if (found === undefined) {
    const term = termOf(word);
    found = term === null ? null : { term, row: table.index.get(term) ?? -1, next: lookup.bigrams.get(term) };
    if (lookup.words.size < MAX_WORDS) lookup.words.set(word, found);
  }
  return found;
}

function count(lookup: RowLookup, row: number, weight: number): void {
  const at = lookup.slot[row]!;
  if (at === 0) {
    lookup.rows.push(row);
    lookup.counts.push(weight);
    lookup.slot[row] = lookup.rows.length;
  } else lookup.counts[at - 1]! += weight;
}

/** Counts a field's terms and bigrams (as features.ts's addField does) into the lookup's buffers. */
function countField(text: string, weight: number, table: TermVectors, lookup: RowLookup): void {
  let previous: Word | null = null;
  for (const w of words(text)) {
    const word = wordOf(w, table, lookup);
    if (word === null) continue;
    if (word.row >= 0) count(lookup, word.row, weight);
    if (previous) {
      const pair = previous.next?.get(word.term);
      if (pair !== undefined) count(lookup, pair, weight);
    }
    previous = word;
  }
}

/** The vector of the counted rows, leaving the buffers empty for the next text. */
function embedCounted(table: TermVectors, lookup: RowLookup): number[] | null {
  const { rows, counts, slot } = lookup;
  for (const row of rows) slot[row] = 0;
  const vector = rows.length === 0 ? null : embedRows(rows, counts, table);
  rows.length = 0;
  counts.length = 0;
  return vector;
}

export function embedPaper(title: string, abstract: string, table: TermVectors = termVectors()): number[] | null {
  const lookup = rowLookup(table);
  countField(title, 2, table, lookup);
  countField(abstract, 1, table, lookup);
  return embedCounted(table, lookup);
}

export function embedText(text: string, table: TermVectors = termVectors()): number[] | null {
  const lookup = rowLookup(table);
  countField(text, 1, table, lookup);
  return embedCounted(table, lookup);
}

/** Sum of the rows weighted by their dampened counts, in order, as a unit vector (null if zero). */
function embedRows(rows: number[], counts: number[], { dims, scales, values }: TermVectors): number[] | null {
  const vector = new Float64Array(dims);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const weight = sublinear(counts[r]!) * scales[row]!;
    const offset = row * dims;
    for (let j = 0; j < dims; j++) vector[j]! += weight * values[offset + j]!;
  }
  return unit(vector);
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
