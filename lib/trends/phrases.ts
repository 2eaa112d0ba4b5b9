import { STOP_WORDS } from "../text/stop-words";
import type { Evidence } from "../topics/evidence";

// What /trends counts as a phrase: a paper's key phrases, taken from the evidence the topic
// tagger found for its topics (the "characteristic phrases" of the topic pages), kept only
// where they name something — a term of several words ("chain of thought", "gaussian
// splatting") or a single word the paper writes as an acronym or a name ("GRPO", "LLMs",
// "LoRA"). Single lower-case words ("robust", "output") and sizes ("13b model") are left out.
// Made at ingest and stored per paper (PaperPhrase), so that trends count them with SQL.

/** Bump when the rules below change: the next ingest then makes every paper's phrases again. */
export const PHRASES_VERSION = 1;

/** Counts, sizes and multipliers ("7", "13b", "128k", "2x", "0.5"): never part of a key phrase. */
const NUMBER_LIKE = /^\d+(?:\.\d+)?[kmbx]?$/;
/** A single word must be at least this long ("rl", "ai" and "qa" say too little on their own). */
const MIN_WORD = 3;
const MAX_PHRASE_LENGTH = 100;
const WORD = /[\p{L}\p{N}]+/gu;
const SIMPLE = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** The phrase in the form it is stored and counted in: lower case, words separated by single spaces. */
export function phraseWords(phrase: string): string[] {
  // The tagger's phrases are in that form already.
  if (SIMPLE.test(phrase)) return phrase.split(" ");
  return phrase.toLowerCase().match(WORD) ?? [];
}

/** Whether `words` (lower case) may be a key phrase, leaving aside how a single word is written. */
function meaningful(words: string[]): boolean {
  if (words.length === 0 || words.some((w) => NUMBER_LIKE.test(w))) return false;
  if (STOP_WORDS.has(words[0]!) || STOP_WORDS.has(words[words.length - 1]!)) return false;
  return words.some((w) => w.length >= MIN_WORD);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether the character at `at` is a letter or a digit (false outside the text). */
function wordCharAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (Number.isNaN(c)) return false;
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(text[at]!);
}

function capitals(word: string): number {
  let count = 0;
  for (const c of word) if (c !== c.toLowerCase()) count++;
  return count;
}

/** A text, and the same in lower case, for finding how a word is written there. */
interface Written {
  text: string;
  lower: string;
}

function written(text: string): Written | null {
  // A title in capitals throughout says nothing about which of its words are acronyms.
  if (!/\p{Ll}/u.test(text)) return null;
  const lower = text.toLowerCase();
  // Lower-casing changed the length (a rare letter such as "İ"): positions no longer match.
  return lower.length === text.length ? { text, lower } : null;
}

/** Whether one of the texts writes `word` (lower case) as a whole word with two capital letters or more ("GRPO", "LLMs", "LoRA"). */
function writtenAsAcronym(word: string, texts: (Written | null)[]): boolean {
  for (const t of texts) {
    if (!t) continue;
    for (let at = t.lower.indexOf(word); at >= 0; at = t.lower.indexOf(word, at + 1)) {
      const end = at + word.length;
      if (wordCharAt(t.text, at - 1) || wordCharAt(t.text, end)) continue;
      if (capitals(t.text.slice(at, end)) >= 2) return true;
    }
  }
  return false;
}

/**
 * A paper's key phrases from the evidence of its topics (as the tagger gave them, before any
 * editor's correction: they describe the text, which corrections do not change), sorted.
 */
export function keyPhrases(evidence: Iterable<Pick<Evidence, "phrase">>, title: string, abstract: string): string[] {
  const phrases = new Set<string>();
  let texts: (Written | null)[] | undefined;
  for (const { phrase } of evidence) {
    const form = formOf(phrase);
    if (!form || phrases.has(form.key)) continue;
    if (form.single && !writtenAsAcronym(form.key, (texts ??= [written(title), written(abstract)]))) continue;
    phrases.add(form.key);
  }
  return [...phrases].sort();
}

// What each evidence phrase comes to, kept: the tagger's phrases are a few thousand, met again
// and again (this is per-paper work of the ingest).
const forms = new Map<string, { key: string; single: boolean } | null>();

/** The phrase as a key phrase (its stored form, and whether it is one word), or null when it cannot be one. */
function formOf(phrase: string): { key: string; single: boolean } | null {
  let form = forms.get(phrase);
  if (form === undefined) {
    const words = phraseWords(phrase);
    const key = words.join(" ");
    form = meaningful(words) && key.length <= MAX_PHRASE_LENGTH ? { key, single: words.length === 1 } : null;
    if (forms.size < 50_000) forms.set(phrase, form);
  }
  return form;
}
