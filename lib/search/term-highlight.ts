import { terms } from "../embeddings/terms";
import { CROP_MARKER, HIGHLIGHT_POST, HIGHLIGHT_PRE } from "./settings";

// Highlights for the hits of a relaxed search, which come from several Meilisearch queries at
// once (lib/search/relaxation.ts): a word is marked when its stem is one the query asks for,
// written with the same markers as Meilisearch's `_formatted`, so one code path renders both.

const WORD = /[\p{L}\p{N}]+/gu;

interface Word {
  start: number;
  end: number;
  match: boolean;
}

function wordsOf(text: string, wanted: ReadonlySet<string>): Word[] {
  return [...text.matchAll(WORD)].map((m) => {
    const [term] = terms(m[0]);
    return { start: m.index, end: m.index + m[0].length, match: term !== undefined && wanted.has(term) };
  });
}

function mark(text: string, words: Word[], from: number, to: number): string {
  let out = "";
  let at = from;
  for (const word of words) {
    if (!word.match || word.start < from || word.end > to) continue;
    out += `${text.slice(at, word.start)}${HIGHLIGHT_PRE}${text.slice(word.start, word.end)}${HIGHLIGHT_POST}`;
    at = word.end;
  }
  return out + text.slice(at, to);
}

/** The text with every wanted word marked. */
export function markTerms(text: string, wanted: ReadonlySet<string>): string {
  return mark(text, wordsOf(text, wanted), 0, text.length);
}

/** The `length`-word excerpt with the most wanted words, marked, with crop markers where text was cut. */
export function cropAroundTerms(text: string, wanted: ReadonlySet<string>, length: number): string {
  const words = wordsOf(text, wanted);
  if (words.length <= length) return markTerms(text, wanted);
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    count += words[i]!.match ? 1 : 0;
    if (i >= length) count -= words[i - length]!.match ? 1 : 0;
    if (i >= length - 1 && count > bestCount) [best, bestCount] = [i - length + 1, count];
  }
  const last = best + length - 1;
  const from = best === 0 ? 0 : words[best]!.start;
  const to = last === words.length - 1 ? text.length : words[last]!.end;
  return `${from > 0 ? CROP_MARKER : ""}${mark(text, words, from, to)}${to < text.length ? CROP_MARKER : ""}`;
}
