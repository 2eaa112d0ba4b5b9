import { stemmer } from "stemmer";
import { STOP_WORDS } from "../text/stop-words";
import type { CategoryScores } from "./categories";
import type { Evidence } from "./evidence";
import type { TopicRules } from "./rules";

// Word and phrase features of a paper for the topic model: Porter-stemmed words and pairs of
// neighbouring words (a stop word may stand between them: "mixture of experts"), each with the
// surface form it first had in the text, so that evidence can be shown and found again in the
// title or abstract. The hand-written phrase rules (seeds/topic-rules.json) add one feature per
// topic, its rule score. Training (scripts/topics) uses `extractFeatures`; the tagger
// (model.ts) counts the same features, only those the model has (tests/topics checks they agree).

export type Field = "title" | "abstract";

export interface FeatureValue {
  /** What the feature is worth in this paper (see `extractFeatures`). */
  value: number;
  /** Lower-case words as written, separated by single spaces ("retrieval augmented"). */
  surface: string;
  /** Where it occurs: the title when it is there. */
  field: Field;
  /** For a rule feature: the phrases that matched, and what each added to its score. */
  rules?: Evidence[];
}

export interface FeatureOptions {
  /** Extra value of a feature that occurs in the title. */
  titleWeight: number;
  /** What one point of a topic's rule score is worth as a feature (0: no rule features). */
  ruleScale: number;
}

/** A rule score counts up to this much: beyond it, more phrases say nothing new. */
const RULE_SCORE_CAP = 20;

/** The feature that carries a topic's rule score. */
export const ruleFeature = (slug: string) => `rule:${slug}`;

/** The feature that carries a paper's score for a group of arXiv categories (categories.ts). */
export const categoryFeature = (group: string) => `cat:${group}`;

/** A distinct lower-case word, with what the features need to know of it (see `wordAt`). */
export interface Word {
  /** As written, in lower case. */
  text: string;
  /** Porter stem; a stop word is its own stem (only rule phrases such as "not pruning" look at them). */
  stem: string;
  stop: boolean;
  /** One character or only digits: never a word feature, and it breaks pairs. */
  skip: boolean;
  /** Its number in the lexicon (0, 1, 2, …), or -1 once the lexicon is full (see `WordTable`). */
  id: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const DIGITS = /^\d+$/;
const LEXICON_LIMIT = 200_000;

// The lexicon: the words met so far, numbered, and an open-addressing hash table of the hash of
// their text and their number + 1 (0: an empty slot), side by side, so that a word of a text is
// found without first cutting it out of the text.
const lexicon: Word[] = [];
let slots = new Int32Array(2 << 12);

function hashOf(text: string, start: number, end: number): number {
  let hash = 0;
  for (let k = start; k < end; k++) hash = (Math.imul(hash, 31) + text.charCodeAt(k)) | 0;
  return hash;
}

/** The first slot to look in for a hash (its bits mixed, so that similar words spread out). */
function slotOf(hash: number, mask: number): number {
  const mixed = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return (mixed ^ (mixed >>> 16)) & mask;
}

function isText(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

function growLexicon(): void {
  slots = new Int32Array(slots.length * 2);
  const mask = slots.length / 2 - 1;
  for (const word of lexicon) {
    const hash = hashOf(word.text, 0, word.text.length);
    let slot = slotOf(hash, mask);
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = word.id + 1;
  }
}

/** The word `text.slice(start, end)` (in lower case): stemmed once and remembered, up to LEXICON_LIMIT words. */
function wordAt(text: string, start: number, end: number): Word {
  const hash = hashOf(text, start, end);
  const mask = slots.length / 2 - 1;
  let slot = slotOf(hash, mask);
  for (let n = slots[2 * slot + 1]!; n !== 0; n = slots[2 * slot + 1]!) {
    if (slots[2 * slot] === hash && isText(lexicon[n - 1]!.text, text, start, end)) return lexicon[n - 1]!;
    slot = (slot + 1) & mask;
  }
  const word = text.slice(start, end);
  const stop = STOP_WORDS.has(word);
  const entry: Word = { text: word, stem: stop ? word : stemmer(word), stop, skip: word.length < 2 || DIGITS.test(word), id: -1 };
  if (lexicon.length < LEXICON_LIMIT) {
    entry.id = lexicon.push(entry) - 1;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = entry.id + 1;
    // at most half full
    if (4 * lexicon.length > slots.length) growLexicon();
  }
  return entry;
}

/**
 * Something worked out once per word and then looked up by the word's number (faster than a
 * Map by text); for a word outside the lexicon it is worked out each time.
 */
export class WordTable<T> {
  private readonly known: (T | undefined)[] = [];

  constructor(private readonly compute: (word: Word) => T) {}

  get(word: Word): T {
    const id = word.id;
    if (id < 0) return this.compute(word);
    // grown by push, so that the array stays dense
    while (this.known.length <= id) this.known.push(undefined);
    let value = this.known[id];
    if (value === undefined) {
      value = this.compute(word);
      this.known[id] = value;
    }
    return value;
  }
}

/**
 * The words of a text in order, each knowing whether only spaces, hyphens, slashes or dashes
 * stand between it and the word before (`joined`). `tokenize` may fill a buffer again: only
 * its first `length` entries count.
 */
export interface Tokens {
  length: number;
  words: Word[];
  joined: boolean[];
}

export const emptyTokens = (): Tokens => ({ length: 0, words: [], joined: [] });

// Characters that join two words into a phrase; any other (a full stop, a comma, a bracket)
// separates them.
function isJoiner(code: number): boolean {
  return (
    code === 32 || code === 45 || code === 47 || code === 95 || code === 0x2013 || code === 0x2014 || (code >= 9 && code <= 13)
  );
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether a UTF-16 unit belongs to a word: ASCII by its code, anything else as \p{L} or \p{N}. */
function isWordUnit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  // a surrogate pair: test the whole code point
  if (code >= 0xd800 && code <= 0xdfff) return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i) ?? code));
  return LETTER_OR_DIGIT.test(text[i]!);
}

/** 2 at the first half of a surrogate pair, else 1. */
function unitWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

/** The words of a text, lower-cased, in `into` (a new buffer unless given one). */
export function tokenize(text: string, into: Tokens = emptyTokens()): Tokens {
  const lower = text.toLowerCase();
  const { words, joined } = into;
  let n = 0;
  let joinedToPrevious = true;
  let i = 0;
  while (i < lower.length) {
    if (!isWordUnit(lower, i)) {
      if (!isJoiner(lower.charCodeAt(i))) joinedToPrevious = false;
      i += unitWidth(lower, i);
      continue;
    }
    const start = i;
    while (i < lower.length && isWordUnit(lower, i)) i += unitWidth(lower, i);
    words[n] = wordAt(lower, start, i);
    joined[n] = joinedToPrevious;
    n++;
    joinedToPrevious = true;
  }
  into.length = n;
  return into;
}

/** A phrase of the rules as lower-case words, with its topic and rule numbered for tables. */
export interface CompiledPhrase {
  words: string[];
  /** Index of its topic in `CompiledRules.slugs`. */
  slug: number;
  /** The number of its (topic, rule) pair: a rule counts once per field. */
  key: number;
  weight: number;
  rule: string;
}

/** The phrase rules compiled for matching on the words of `Tokens` (compileRules). */
export interface CompiledRules {
  titleBoost: number;
  /** The topics of the rules, as numbered in the phrases. */
  slugs: string[];
  /** How many (topic, rule) pairs there are. */
  keys: number;
  /** By its first word (or a one-word phrase's plural): phrases, longest first. */
  byFirstWord: Map<string, CompiledPhrase[]>;
  /** `byFirstWord` by Word (null: no phrase starts with it). */
  startingWith: WordTable<CompiledPhrase[] | null>;
}

/**
 * Compiles the phrase rules for matching on the words of the features' tokens, as the rules
 * say: case and hyphens aside, the words as written, the last one also in the plural.
 */
export function compileRules(rules: TopicRules): CompiledRules {
  const byFirstWord: CompiledRules["byFirstWord"] = new Map();
  const slugs: string[] = [];
  let keys = 0;
  for (const [slug, phrases] of Object.entries(rules.topics)) {
    const slugIndex = slugs.push(slug) - 1;
    for (const [rule, weight] of Object.entries(phrases)) {
      const key = keys++;
      for (const variant of rule.split("|")) {
        const words = variant.toLowerCase().match(WORD);
        if (!words) continue;
        // a one-word phrase may start (and end) with its plural
        const firstWords = words.length === 1 ? [words[0], `${words[0]}s`, `${words[0]}es`] : [words[0]];
        for (const first of firstWords) {
          const list = byFirstWord.get(first) ?? [];
          list.push({ words, slug: slugIndex, key, weight, rule });
          byFirstWord.set(first, list);
        }
      }
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  const startingWith = new WordTable((word) => byFirstWord.get(word.text) ?? null);
  return { titleBoost: rules.titleBoost, slugs, keys, byFirstWord, startingWith };
}

/** The word is the phrase's word, or (the phrase's last word) its plural in -s or -es. */
function sameWord(word: string, phraseWord: string, last: boolean): boolean {
  if (word === phraseWord) return true;
  if (!last || !word.startsWith(phraseWord)) return false;
  const extra = word.length - phraseWord.length;
  const s = word.charCodeAt(word.length - 1) === 115;
  return (extra === 1 && s) || (extra === 2 && s && word.charCodeAt(phraseWord.length) === 101);
}

/**
 * The rule scores of a paper, added up field by field (`add`): at each word, each topic's
 * longest phrase that starts there (words joined, no punctuation between) counts, a rule once
 * per field, and the words it covered do not count again for that topic. Reusable: `clear`
 * starts the next paper.
 */
export class RuleScores {
  /** Per topic (as numbered in the rules): its score, and the phrases that made it. */
  readonly score: Float64Array;
  readonly evidence: Evidence[][];
  /** The topics scored, in the order they were first scored. */
  readonly scored: number[] = [];
  /** Per rule key: the field (its `fields` number) in which it last counted. */
  private readonly countedIn: Int32Array;
  private readonly coveredUntil: Int32Array;
  private fields = 0;

  constructor(readonly rules: CompiledRules) {
    this.score = new Float64Array(rules.slugs.length);
    this.evidence = rules.slugs.map(() => []);
    this.countedIn = new Int32Array(rules.keys);
    this.coveredUntil = new Int32Array(rules.slugs.length);
  }

  clear(): void {
    for (const slug of this.scored) {
      this.score[slug] = 0;
      this.evidence[slug] = [];
    }
    this.scored.length = 0;
  }

  add(tokens: Tokens, field: Field): void {
    const { rules, countedIn, coveredUntil, score } = this;
    if (this.fields === 0x7fffffff) {
      countedIn.fill(0);
      this.fields = 0;
    }
    const fieldNumber = ++this.fields;
    coveredUntil.fill(0);
    const factor = field === "title" ? rules.titleBoost : 1;
    const { words, joined, length } = tokens;
    for (let i = 0; i < length; i++) {
      const candidates = rules.startingWith.get(words[i]!);
      if (candidates === null) continue;
      for (const phrase of candidates) {
        if (coveredUntil[phrase.slug]! > i) continue;
        const n = phrase.words.length;
        if (i + n > length || !sameWord(words[i]!.text, phrase.words[0]!, n === 1)) continue;
        let k = 1;
        while (k < n && joined[i + k] && sameWord(words[i + k]!.text, phrase.words[k]!, k === n - 1)) k++;
        if (k < n) continue;
        coveredUntil[phrase.slug] = i + n;
        if (countedIn[phrase.key] === fieldNumber) continue;
        countedIn[phrase.key] = fieldNumber;
        const weight = phrase.weight * factor;
        const evidence = this.evidence[phrase.slug]!;
        if (evidence.length === 0) this.scored.push(phrase.slug);
        score[phrase.slug]! += weight;
        evidence.push({ phrase: surfaceOf(tokens, i, i + n - 1), field, weight });
      }
    }
  }
}

/** The words `from`..`to` of the text as written (lower case, single spaces). */
export function surfaceOf(tokens: Tokens, from: number, to: number): string {
  const { words } = tokens;
  let surface = words[from]!.text;
  for (let k = from + 1; k <= to; k++) surface += ` ${words[k]!.text}`;
  return surface;
}

/**
 * Calls `visit` for each word feature of the tokens: a content word (`second` null), or a pair
 * of content words joined by nothing but spaces, hyphens or one stop word; `from` and `to`
 * are the tokens it spans.
 */
export function forEachWordFeature(
  tokens: Tokens,
  visit: (first: Word, second: Word | null, from: number, to: number) => void,
): void {
  const { words, joined, length } = tokens;
  // The last content word while the words since it are joined, and how many stop words followed it.
  let previous = -1;
  let stops = 0;
  for (let i = 0; i < length; i++) {
    const word = words[i]!;
    if (!joined[i]) previous = -1;
    if (word.skip) {
      previous = -1;
      continue;
    }
    if (word.stop) {
      // one stop word may stand inside a phrase ("chain of thought"), not two
      if (previous >= 0 && ++stops > 1) previous = -1;
      continue;
    }
    visit(word, null, i, i);
    if (previous >= 0) visit(words[previous]!, word, previous, i);
    previous = i;
    stops = 0;
  }
}

/** What a feature seen `abstract` times in the abstract (and maybe in the title) is worth. */
export function featureValue(abstract: number, title: boolean, options: FeatureOptions): number {
  return (abstract > 0 ? 1 + Math.log(abstract) : 0) + (title ? options.titleWeight : 0);
}

/** What a topic's rule score is worth as a feature (capped, times `ruleScale`); only a positive score is one. */
export function ruleFeatureValue(score: number, options: FeatureOptions): number {
  return Math.min(score, RULE_SCORE_CAP) * options.ruleScale;
}

/** The rule features of a paper: each topic's positive rule score (capped) times `ruleScale`. */
export function ruleFeatures(
  titleTokens: Tokens,
  abstractTokens: Tokens,
  options: FeatureOptions,
  rules: CompiledRules,
): Map<string, FeatureValue> {
  const features = new Map<string, FeatureValue>();
  if (options.ruleScale <= 0) return features;
  const scores = new RuleScores(rules);
  scores.add(titleTokens, "title");
  scores.add(abstractTokens, "abstract");
  for (const slug of scores.scored) {
    const score = scores.score[slug]!;
    if (score <= 0) continue;
    const value = ruleFeatureValue(score, options);
    features.set(ruleFeature(rules.slugs[slug]!), { value, surface: "", field: "abstract", rules: scores.evidence[slug]! });
  }
  return features;
}

/**
 * The features of a paper: each stemmed word and word pair of its title and abstract, worth
 * 1 + log(occurrences in the abstract), plus `titleWeight` when it is in the title; with
 * `rules`, each topic's rule score (capped) times `ruleScale`; with `categories`, each group of
 * arXiv categories' score (categories.ts).
 */
export function extractFeatures(
  title: string,
  abstract: string,
  options: FeatureOptions,
  rules?: CompiledRules,
  categories?: { scores: CategoryScores; groups: string[] },
): Map<string, FeatureValue> {
  const titleTokens = tokenize(title);
  const abstractTokens = tokenize(abstract);
  const counted = new Map<string, { abstract: number; title: boolean; surface: string }>();
  for (const [tokens, field] of [
    [titleTokens, "title"],
    [abstractTokens, "abstract"],
  ] as const) {
    forEachWordFeature(tokens, (first, second, from, to) => {
      const feature = second === null ? first.stem : `${first.stem} ${second.stem}`;
      const seen = counted.get(feature);
      if (!seen)
        counted.set(feature, {
          abstract: field === "abstract" ? 1 : 0,
          title: field === "title",
          surface: surfaceOf(tokens, from, to),
        });
      else if (field === "title") seen.title = true;
      else seen.abstract++;
    });
  }
  const features = new Map<string, FeatureValue>();
  for (const [feature, c] of counted)
    features.set(feature, {
      value: featureValue(c.abstract, c.title, options),
      surface: c.surface,
      field: c.title ? "title" : "abstract",
    });
  if (rules)
    for (const [feature, value] of ruleFeatures(titleTokens, abstractTokens, options, rules)) features.set(feature, value);
  if (categories) {
    const { scores, groups } = categories;
    scores.clear();
    scores.add(titleTokens, "title");
    scores.add(abstractTokens, "abstract");
    scores.finish().forEach((value, g) => {
      if (value !== 0) features.set(categoryFeature(groups[g]!), { value, surface: "", field: "abstract" });
    });
  }
  return features;
}
