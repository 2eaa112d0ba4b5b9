import { stemmer } from "stemmer";
import { STOP_WORDS } from "../text/stop-words";

// Terms for text vectors: lower-cased words, minus very common ones, Porter-stemmed so that
// "emulates" and "emulator" meet. Shared by the embedding of papers and of queries.

// Stemming is the costly part and words repeat across papers: remember what each word comes
// to, its stem or null when it is no term (bounded).
const seen = new Map<string, string | null>();
/** The term a lower-case word comes to, or null when it is none (too short, too common, a number). */
export function termOf(word: string): string | null {
  let term = seen.get(word);
  if (term === undefined) {
    term = word.length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word) ? null : stemmer(word);
    if (seen.size < 200_000) seen.set(word, term);
  }
  return term;
}

/** The lower-cased words of a text, before any is dropped. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    const term = termOf(word);
    if (term !== null) out.push(term);
  }
  return out;
}
