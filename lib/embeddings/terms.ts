import { stemmer } from "stemmer";
import { STOP_WORDS } from "../text/stop-words";

// Terms for text vectors: lower-cased words, minus very common ones, Porter-stemmed so that
// "emulates" and "emulator" meet. Shared by the embedding of papers and of queries.

// Stemming is the costly part and words repeat across papers: remember the stems (bounded).
const stems = new Map<string, string>();
function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (stems.size < 200_000) stems.set(word, stemmed);
  }
  return stemmed;
}

export function terms(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (const word of words) {
    if (word.length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    out.push(stem(word));
  }
  return out;
}
