import { stemmer } from "stemmer";
import { STOP_WORDS } from "../text/stop-words";
import type { Evidence } from "./evidence";
import type { TopicRules } from "./rules";

// Word and phrase features of a paper for the topic model: Porter-stemmed words and pairs of
// neighbouring words (a stop word may stand between them: "mixture of experts"), each with the
// surface form it first had in the text, so that evidence can be shown and found again in the
// title or abstract. The hand-written phrase rules (seeds/topic-rules.json) add one feature per
// topic, its rule score. Training (scripts/topics) and the tagger use this one function.

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

const stems = new Map<string, string>();
function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (stems.size < 200_000) stems.set(word, stemmed);
  }
  return stemmed;
}

export interface Token {
  word: string;
  stem: string;
  stop: boolean;
  /** Only spaces, hyphens, slashes or dashes stand between it and the word before. */
  joined: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const DIGITS = /^\d+$/;

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

/** The words of a text, lower-cased and stemmed, each knowing whether it is joined to the one before. */
export function tokenize(text: string): Token[] {
  const lower = text.toLowerCase();
  const tokens: Token[] = [];
  let joined = true;
  let i = 0;
  while (i < lower.length) {
    if (!isWordUnit(lower, i)) {
      if (!isJoiner(lower.charCodeAt(i))) joined = false;
      i += unitWidth(lower, i);
      continue;
    }
    const start = i;
    while (i < lower.length && isWordUnit(lower, i)) i += unitWidth(lower, i);
    const word = lower.slice(start, i);
    const stop = STOP_WORDS.has(word);
    // stop words are their own stems: only rule phrases ("not pruning") look at them
    tokens.push({ word, stem: stop ? word : stem(word), stop, joined });
    joined = true;
  }
  return tokens;
}

/** The phrase rules compiled for matching on stems (compileRules). */
export interface CompiledRules {
  titleBoost: number;
  /** By its first word (or a one-word phrase's plural): phrases as lower-case words, longest first. */
  byFirstWord: Map<string, { words: string[]; slug: string; rule: string; weight: number }[]>;
}

/**
 * Compiles the phrase rules for matching on the words of the features' tokens, as the rules
 * say: case and hyphens aside, the words as written, the last one also in the plural.
 */
export function compileRules(rules: TopicRules): CompiledRules {
  const byFirstWord: CompiledRules["byFirstWord"] = new Map();
  for (const [slug, phrases] of Object.entries(rules.topics)) {
    for (const [rule, weight] of Object.entries(phrases)) {
      for (const variant of rule.split("|")) {
        const words = variant.toLowerCase().match(WORD);
        if (!words) continue;
        // a one-word phrase may start (and end) with its plural
        const keys = words.length === 1 ? [words[0], `${words[0]}s`, `${words[0]}es`] : [words[0]];
        for (const key of keys) {
          const list = byFirstWord.get(key) ?? [];
          list.push({ words, slug, rule, weight });
          byFirstWord.set(key, list);
        }
      }
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { titleBoost: rules.titleBoost, byFirstWord };
}

interface RuleScore {
  score: number;
  evidence: Evidence[];
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
 * Rule scores of one field: at each word, each topic's longest phrase that starts there
 * (words joined, no punctuation between) counts, a rule key once per field, and the words it
 * covered do not count again for that topic.
 */
function scoreRules(tokens: Token[], field: Field, rules: CompiledRules, into: Map<string, RuleScore>): void {
  const counted = new Set<string>();
  const coveredUntil = new Map<string, number>();
  const factor = field === "title" ? rules.titleBoost : 1;
  for (let i = 0; i < tokens.length; i++) {
    const candidates = rules.byFirstWord.get(tokens[i]!.word);
    if (!candidates) continue;
    for (const phrase of candidates) {
      if ((coveredUntil.get(phrase.slug) ?? 0) > i) continue;
      const n = phrase.words.length;
      if (i + n > tokens.length || !sameWord(tokens[i]!.word, phrase.words[0]!, n === 1)) continue;
      let k = 1;
      while (k < n && tokens[i + k]!.joined && sameWord(tokens[i + k]!.word, phrase.words[k]!, k === n - 1)) k++;
      if (k < n) continue;
      coveredUntil.set(phrase.slug, i + n);
      const key = `${phrase.slug}\u0000${phrase.rule}`;
      if (counted.has(key)) continue;
      counted.add(key);
      const score = into.get(phrase.slug) ?? { score: 0, evidence: [] };
      const weight = phrase.weight * factor;
      score.score += weight;
      score.evidence.push({ phrase: surfaceOf(tokens, i, i + n - 1), field, weight });
      into.set(phrase.slug, score);
    }
  }
}

/** The words `from`..`to` of the text as written (lower case, single spaces). */
export function surfaceOf(tokens: Token[], from: number, to: number): string {
  let surface = tokens[from]!.word;
  for (let k = from + 1; k <= to; k++) surface += ` ${tokens[k]!.word}`;
  return surface;
}

/**
 * Calls `visit` for each word feature of the tokens: a content word (`second` null), or a pair
 * of content words joined by nothing but spaces, hyphens or one stop word; `from` and `to`
 * are the tokens it spans.
 */
export function forEachWordFeature(
  tokens: Token[],
  visit: (first: string, second: string | null, from: number, to: number) => void,
): void {
  // The last content word while the words since it are joined, and how many stop words followed it.
  let previous = -1;
  let stops = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token.joined) previous = -1;
    if (token.word.length < 2 || DIGITS.test(token.word)) {
      previous = -1;
      continue;
    }
    if (token.stop) {
      // one stop word may stand inside a phrase ("chain of thought"), not two
      if (previous >= 0 && ++stops > 1) previous = -1;
      continue;
    }
    visit(token.stem, null, i, i);
    if (previous >= 0) visit(tokens[previous]!.stem, token.stem, previous, i);
    previous = i;
    stops = 0;
  }
}

/** What a feature seen `abstract` times in the abstract (and maybe in the title) is worth. */
export function featureValue(abstract: number, title: boolean, options: FeatureOptions): number {
  return (abstract > 0 ? 1 + Math.log(abstract) : 0) + (title ? options.titleWeight : 0);
}

/** The rule features of a paper: each topic's positive rule score (capped) times `ruleScale`. */
export function ruleFeatures(
  titleTokens: Token[],
  abstractTokens: Token[],
  options: FeatureOptions,
  rules: CompiledRules,
): Map<string, FeatureValue> {
  const features = new Map<string, FeatureValue>();
  if (options.ruleScale <= 0) return features;
  const scores = new Map<string, RuleScore>();
  scoreRules(titleTokens, "title", rules, scores);
  scoreRules(abstractTokens, "abstract", rules, scores);
  for (const [slug, { score, evidence }] of scores) {
    if (score <= 0) continue;
    const value = Math.min(score, RULE_SCORE_CAP) * options.ruleScale;
    features.set(ruleFeature(slug), { value, surface: "", field: "abstract", rules: evidence });
  }
  return features;
}

/**
 * The features of a paper: each stemmed word and word pair of its title and abstract, worth
 * 1 + log(occurrences in the abstract), plus `titleWeight` when it is in the title; and with
 * `rules`, each topic's rule score (capped) times `ruleScale`.
 */
export function extractFeatures(
  title: string,
  abstract: string,
  options: FeatureOptions,
  rules?: CompiledRules,
): Map<string, FeatureValue> {
  const titleTokens = tokenize(title);
  const abstractTokens = tokenize(abstract);
  const counted = new Map<string, { abstract: number; title: boolean; surface: string }>();
  for (const [tokens, field] of [
    [titleTokens, "title"],
    [abstractTokens, "abstract"],
  ] as const) {
    forEachWordFeature(tokens, (first, second, from, to) => {
      const feature = second === null ? first : `${first} ${second}`;
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
  return features;
}
