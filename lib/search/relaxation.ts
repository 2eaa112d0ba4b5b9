import { idfTable } from "../embeddings/idf-table";
import { terms } from "../embeddings/terms";
import type { ParsedQuery } from "./query-syntax";

// Meilisearch's "frequency" strategy lets a result miss a query's common words but never its
// rarest one. A described paper often lacks exactly that word ("belly fat" for "abdominal"),
// so a long query is also searched without its rarest words, one more each step — the
// relaxation ladder — and the union is ranked by the terms each paper shares with the query.

/** Relaxed queries keep at least this many plain words: one word alone is not a description. */
const MIN_WORDS_LEFT = 2;
/** At most this many words are left out (the ladder has this many steps after the query). */
const MAX_LEFT_OUT = 5;

export interface RelaxedQuery {
  q: string;
  /** The words this step leaves out, rarest first. */
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

/**
 * The query's relaxation ladder: the query without its rarest plain word, without its two
 * rarest, … (rarity by the committed IDF table; words it does not know count as rarest, stop
 * words never go). Phrases and exclusions are kept as written. Empty for short queries.
 */
export function relaxationLadder(parsed: ParsedQuery): RelaxedQuery[] {
  const table = idfTable();
  const ranked = parsed.words
    .map((word) => ({ word, term: terms(word)[0] }))
    .filter((w): w is { word: string; term: string } => w.term !== undefined)
    .map((w) => ({ word: w.word, idf: table.idf[w.term] ?? table.unknownIdf }))
    .sort((a, b) => b.idf - a.idf || a.word.localeCompare(b.word));
  const steps = Math.min(MAX_LEFT_OUT, ranked.length - MIN_WORDS_LEFT);
  const ladder: RelaxedQuery[] = [];
  for (let n = 1; n <= steps; n++) {
    const leftOut = ranked.slice(0, n).map((w) => w.word);
    ladder.push({ q: writeQuery(parsed, new Set(leftOut)), leftOut });
  }
  return ladder;
}
