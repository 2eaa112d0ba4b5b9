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

interface Token {
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

function tokenize(text: string): Token[] {
  const lower = text.toLowerCase();
  const tokens: Token[] = [];
  let lastEnd = 0;
  for (const match of lower.matchAll(WORD)) {
    let joined = true;
    for (let i = lastEnd; i < match.index; i++) {
      if (!isJoiner(lower.charCodeAt(i))) {
        joined = false;
        break;
      }
    }
    const word = match[0];
    lastEnd = match.index + word.length;
    const stop = STOP_WORDS.has(word);
    // stop words are their own stems: only rule phrases ("not pruning") look at them
    tokens.push({ word, stem: stop ? word : stem(word), stop, joined });
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

const sameWord = (word: string, phraseWord: string, last: boolean) =>
  word === phraseWord || (last && (word === `${phraseWord}s` || word === `${phraseWord}es`));

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
      const surface = tokens
        .slice(i, i + n)
        .map((t) => t.word)
        .join(" ");
      score.evidence.push({ phrase: surface, field, weight });
      into.set(phrase.slug, score);
    }
  }
}

interface Counted {
  abstract: number;
  title: boolean;
  surface: string;
}

function countWords(tokens: Token[], field: Field, into: Map<string, Counted>): void {
  const add = (feature: string, from: number, to: number) => {
    const seen = into.get(feature);
    if (seen) {
      if (field === "title") seen.title = true;
      else seen.abstract++;
      return;
    }
    let surface = tokens[from]!.word;
    for (let k = from + 1; k <= to; k++) surface += ` ${tokens[k]!.word}`;
    into.set(feature, { abstract: field === "abstract" ? 1 : 0, title: field === "title", surface });
  };
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
    add(token.stem, i, i);
    if (previous >= 0) add(`${tokens[previous]!.stem} ${token.stem}`, previous, i);
    previous = i;
    stops = 0;
  }
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
  const counted = new Map<string, Counted>();
  countWords(titleTokens, "title", counted);
  countWords(abstractTokens, "abstract", counted);
  const features = new Map<string, FeatureValue>();
  for (const [feature, c] of counted) {
    const value = (c.abstract > 0 ? 1 + Math.log(c.abstract) : 0) + (c.title ? options.titleWeight : 0);
    features.set(feature, { value, surface: c.surface, field: c.title ? "title" : "abstract" });
  }
  if (rules && options.ruleScale > 0) {
    const scores = new Map<string, RuleScore>();
    scoreRules(titleTokens, "title", rules, scores);
    scoreRules(abstractTokens, "abstract", rules, scores);
    for (const [slug, { score, evidence }] of scores) {
      if (score <= 0) continue;
      const value = Math.min(score, RULE_SCORE_CAP) * options.ruleScale;
      features.set(ruleFeature(slug), { value, surface: "", field: "abstract", rules: evidence });
    }
  }
  return features;
}
