import type { Evidence } from "./evidence";
import type { TopicRules } from "./rules";

export interface TopicAssignment {
  slug: string;
  score: number;
  evidence: Evidence[];
}

export interface Tagger {
  tag(title: string, abstract: string): TopicAssignment[];
}

/** What a matched phrase is worth to one topic. */
interface Credit {
  slug: string;
  /** The rule key it counts for: variants of one key ("a|b") count once per field. */
  rule: string;
  /** The topic's own phrase, which may be a shorter part of the longest match. */
  phrase: string;
  weight: number;
}

/**
 * Hyphens, slashes and case do not change a phrase's meaning ("fine-tuning" = "Fine tuning").
 * Both the rules and the text go through this, so they meet in the same form.
 */
export function normalizeForMatching(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-_/–—]+/g, " ")
    .replace(/\s+/g, " ");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Compiles the rules into one regular expression over every phrase of every topic (longest
 * first, each allowing a plural "s"/"es"), so a paper is scanned once per field. Where one
 * topic's phrase contains another topic's ("large language model" ⊃ "language model"), the
 * longest match credits every topic with the longest of its own phrases inside it.
 */
export function createTagger(rules: TopicRules): Tagger {
  const score = createRuleScorer(rules);
  return {
    tag(title, abstract) {
      const ranked = score(title, abstract)
        .filter((s) => s.score > 0)
        .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
      const best = ranked[0];
      if (!best) return [];
      // A topic must clear the absolute threshold and keep up with the paper's main topic.
      const bar = Math.max(rules.threshold, rules.relativeThreshold * best.score);
      const chosen = ranked.filter((s) => s.score >= bar).slice(0, rules.maxTopics);
      if (chosen.length > 0) return chosen;
      return best.score >= rules.fallbackMinimum ? [best] : [];
    },
  };
}

/** Every topic any rule phrase matched, with its score and evidence (before any threshold). */
export function createRuleScorer(rules: TopicRules): (title: string, abstract: string) => TopicAssignment[] {
  const byPhrase = new Map<string, { slug: string; rule: string; weight: number }[]>();
  for (const [slug, phrases] of Object.entries(rules.topics)) {
    for (const [rule, weight] of Object.entries(phrases)) {
      for (const variant of rule.split("|")) {
        const phrase = normalizeForMatching(variant).trim();
        if (!phrase) continue;
        byPhrase.set(phrase, [...(byPhrase.get(phrase) ?? []), { slug, rule, weight }]);
      }
    }
  }
  const phrases = [...byPhrase.keys()].sort((a, b) => b.length - a.length);
  const credits = new Map<string, Credit[]>();
  for (const matched of phrases) {
    const bySlug = new Map<string, Credit>();
    for (const inner of phrases) {
      if (!` ${matched} `.includes(` ${inner} `)) continue;
      for (const { slug, rule, weight } of byPhrase.get(inner)!) {
        // phrases are longest first, so the first credit a topic gets is its longest phrase
        if (!bySlug.has(slug)) bySlug.set(slug, { slug, rule, phrase: inner, weight });
      }
    }
    credits.set(matched, [...bySlug.values()]);
  }
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${phrases.map(escapeRegExp).join("|")})(?:s|es)?(?![\\p{L}\\p{N}])`, "gu");

  return (title, abstract) => {
    const scores = new Map<string, TopicAssignment>();
    const counted = new Set<string>();
    for (const [field, text, factor] of [
      ["title", normalizeForMatching(title), rules.titleBoost],
      ["abstract", normalizeForMatching(abstract), 1],
    ] as const) {
      for (const match of text.matchAll(pattern)) {
        for (const credit of credits.get(match[1]!) ?? []) {
          // A rule counts once per field: repetition says little more about the topic.
          const key = `${field}\u0000${credit.slug}\u0000${credit.rule}`;
          if (counted.has(key)) continue;
          counted.add(key);
          const assignment = scores.get(credit.slug) ?? { slug: credit.slug, score: 0, evidence: [] };
          const weight = credit.weight * factor;
          assignment.score += weight;
          assignment.evidence.push({ phrase: credit.phrase, field, weight });
          scores.set(credit.slug, assignment);
        }
      }
    }
    return [...scores.values()];
  };
}
