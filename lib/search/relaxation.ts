import { idfTable } from "../embeddings/idf-table";
import { terms } from "../embeddings/terms";
import type { ParsedQuery } from "./query-syntax";

// Meilisearch's "frequency" strategy lets a result miss a query's common words but never its
// rarest one. A described paper often lacks exactly that word ("belly fat" for "abdominal"),
// or words of it in another form ("distilling" for "distillation": Meilisearch does not
// stem). So a long query is also searched in two more ways, and the union is ranked by the
// terms each paper shares with the query (rerank.ts):
// - the relaxation ladder: the query without its rarest word, then without its two rarest;
// - rare pairs: every two of its five rarest words, both required (the second in any form
//   that starts with its stem) — a described paper nearly always has two of them, wherever
//   they are and whatever else it lacks.
// Steps and weights were chosen on the training and dev queries of
// scripts/eval/labels/known-items-scale.jsonl: pairs lifted questions and paraphrases there
// (MRR 0.83 → 0.94 and 0.40 → 0.60), and with them a ladder of two steps did as well as five
// at less than half the cost.

/** Relaxed queries keep at least this many plain words: one word alone is not a description. */
const MIN_WORDS_LEFT = 2;
/** At most this many words are left out (the ladder has this many steps after the query). */
const MAX_LEFT_OUT = 2;
/** Each step down the ladder counts this much less (0.8ⁿ for n words left out). */
const LADDER_DECAY = 0.8;
/** Pairs are made of this many of the query's rarest words. */
const PAIRED_WORDS = 5;
/** What a pair's match counts against a match of the whole query. */
const PAIR_WEIGHT = 0.4;

export interface RelaxedQuery {
  q: string;
  /** Meilisearch's matching strategy for it: the ladder lets common words go, a pair needs both. */
  matchingStrategy: "frequency" | "all";
  /** Its weight in the federated search (the query itself weighs 1). */
  weight: number;
  /** The words this query may lack, rarest first (for a pair, every word but its two). */
  leftOut: string[];
}

/** The words a query asks for (plain words and those of its phrases), as stemmed terms. */
export function wantedTerms(parsed: ParsedQuery): Set<string> {
  return new Set(terms([...parsed.words, ...parsed.phrases].join(" ")));
}

/** The query written back in Meilisearch's syntax, without the words in `leftOut`. */
function writeQuery(parsed: ParsedQuery, leftOut: ReadonlySet<string>): string {
  const quote = (text: string) => (text.includes(" ") ? `"${text}"` : text);
  return [
    ...parsed.words.filter((w) => !leftOut.has(w)),
    ...parsed.phrases.map((p) => `"${p}"`),
    ...parsed.excluded.map((e) => `-${quote(e)}`),
  ].join(" ");
}

/** A term of the query and the plain words that stand for it ("grasp" for "grasp" and "grasping"). */
interface QueryTerm {
  term: string;
  words: string[];
}

/**
 * The query's terms that count, rarest first (rarity by the committed IDF table; terms it does
 * not know count as rarest; stop words are left out), each with the words written for it.
 */
function rarestFirst(parsed: ParsedQuery): QueryTerm[] {
  const table = idfTable();
  const byTerm = new Map<string, string[]>();
  for (const word of parsed.words) {
    const term = terms(word)[0];
    if (term === undefined) continue;
    const words = byTerm.get(term) ?? [];
    if (!words.includes(word)) words.push(word);
    byTerm.set(term, words);
  }
  const idf = (term: string) => table.idf[term] ?? table.unknownIdf;
  return [...byTerm]
    .map(([term, words]) => ({ term, words }))
    .sort((a, b) => idf(b.term) - idf(a.term) || a.term.localeCompare(b.term));
}

/**
 * The queries a relaxed search runs beside the query itself: its ladder (without its rarest
 * term, then without its two rarest, in whatever words they are written; stop words never go)
 * and its rare pairs (two of its five rarest terms, nothing else but its phrases). Phrases and
 * exclusions are kept as written in all of them. Empty for queries of fewer than three terms
 * that count.
 */
export function relaxedQueries(parsed: ParsedQuery): RelaxedQuery[] {
  const ranked = rarestFirst(parsed);
  const shown = (group: QueryTerm[]) => group.map((t) => t.words[0]!);
  const queries: RelaxedQuery[] = [];
  const steps = Math.min(MAX_LEFT_OUT, ranked.length - MIN_WORDS_LEFT);
  for (let n = 1; n <= steps; n++) {
    const leftOut = ranked.slice(0, n);
    const q = writeQuery(parsed, new Set(leftOut.flatMap((t) => t.words)));
    queries.push({ q, matchingStrategy: "frequency", weight: LADDER_DECAY ** n, leftOut: shown(leftOut) });
  }
  if (steps <= 0) return queries;
  const paired = ranked.slice(0, PAIRED_WORDS);
  // Only the pair, with the query's phrases and exclusions: its other words, stop words too, go.
  const phrasesAndExclusions = writeQuery(parsed, new Set(parsed.words));
  for (let i = 0; i < paired.length; i++) {
    for (let j = i + 1; j < paired.length; j++) {
      const [rarer, other] = [paired[i]!, paired[j]!];
      const leftOut = shown(ranked.filter((t) => t !== rarer && t !== other));
      const q = `${phrasesAndExclusions} ${rarer.words[0]} ${asPrefix(other.words[0]!)}`.trim();
      queries.push({ q, matchingStrategy: "all", weight: PAIR_WEIGHT, leftOut });
    }
  }
  return queries;
}

/** Stems shorter than this would match too many words as a prefix. */
const MIN_PREFIX_LENGTH = 4;

/**
 * A word to end a query with: Meilisearch matches a query's last word as a prefix, so written
 * as its stem it finds the word's other forms too ("distilling" as "distil" finds
 * "distillation"). Kept as written when its stem is not a prefix of it or is too short.
 */
function asPrefix(word: string): string {
  const stem = terms(word)[0];
  return stem && stem.length >= MIN_PREFIX_LENGTH && word.toLowerCase().startsWith(stem) ? stem : word;
}
